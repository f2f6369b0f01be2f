namespace Alerts.Core.Domain.Incidents;

/// <summary>One recorded step in an incident's life: when, who, what happened, and any detail.</summary>
public sealed record TimelineEntry(int Sequence, DateTimeOffset At, Actor Actor, string Action, string? Detail);
