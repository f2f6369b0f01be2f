using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Queries;

/// <summary>One incident on the analysts' board, and whether its hold ends in an analyst's confirmation rather than a release.</summary>
public sealed record BoardEntry(Incident Incident, bool ConfirmationRequired);
