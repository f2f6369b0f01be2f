namespace Alerts.Core.Incidents;

/// <summary>
/// The incident aggregate as read from storage: current facts, status, hold and concurrency tag. Notices are the
/// messages issued about it (alert, updates, cancellation for subscribers; reviews for analysts), numbered 1, 2, …;
/// public notices fan out one after another (<see cref="FanoutNotice"/>), so a correction never overtakes its alert.
/// </summary>
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
    bool FanoutPending = false,
    int NoticeCount = 0,
    int LastPublicNotice = 0,
    int FanoutNotice = 0,
    bool FanoutDone = true,
    int Corroborations = 0,
    string ReporterList = "")
{
    /// <summary>Every reporter that has reported this incident, first reporter first.</summary>
    public IReadOnlyList<string> Reporters => ReporterList.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public Incident WithReporter(string reporterId) =>
        Reporters.Contains(reporterId) ? this : this with { ReporterList = string.Join(',', Reporters.Append(reporterId)) };

    /// <summary>The timeline entry that would follow the last recorded one.</summary>
    public TimelineEntry NextEntry(DateTimeOffset at, Actor actor, string action, string? detail, int offset = 1) =>
        new(TimelineCount + offset, at, actor, action, detail);
}
