namespace Alerts.Core.Domain.Hold;

/// <summary>How long to hold an incident and a short reason a person can read.</summary>
public sealed record HoldDecision(TimeSpan Duration, string Reason);
