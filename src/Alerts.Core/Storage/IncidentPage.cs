using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Storage;

/// <summary>One page of incidents, newest first, and the token for the next page (null at the end).</summary>
public sealed record IncidentPage(IReadOnlyList<Incident> Items, string? ContinuationToken);
