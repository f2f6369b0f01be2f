namespace Alerts.Core.Incidents;

/// <summary>The incident aggregate as read from storage: current facts, status, hold and concurrency tag.</summary>
public sealed record Incident(
    string Id,
    IncidentStatus Status,
    int Version,
    IncidentFacts Facts,
    string ReporterId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset HoldUntil,
    string HoldReason,
    DateTimeOffset? ReleasedAt,
    int TimelineCount,
    string ETag,
    bool FanoutPending = false)
{
    /// <summary>The timeline entry that would follow the last recorded one.</summary>
    public TimelineEntry NextEntry(DateTimeOffset at, Actor actor, string action, string? detail, int offset = 1) =>
        new(TimelineCount + offset, at, actor, action, detail);
}
