using Alerts.Core.Incidents;

namespace Alerts.Api.Views;

/// <summary>Body of the 202 for a submitted report.</summary>
public sealed record IntakeResponse(string IncidentId, IncidentStatus Status, DateTimeOffset HoldUntil, string HoldReason, bool Created);
