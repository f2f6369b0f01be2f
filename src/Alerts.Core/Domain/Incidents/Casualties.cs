namespace Alerts.Core.Domain.Incidents;

/// <summary>Reported casualty counts; null means not reported.</summary>
public sealed record Casualties(int? Killed, int? Injured);
