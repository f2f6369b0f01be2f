namespace Alerts.Core.Domain.Incidents;

/// <summary>
/// The incident aggregate as read from storage: current facts, status, hold and concurrency tag. Notices are the
/// messages issued about it (alert, updates, cancellation for subscribers; reviews for analysts), numbered 1, 2, …;
/// public notices fan out one after another (<see cref="FanoutNotice"/>), so a correction never overtakes its alert.
/// <see cref="FanoutPending"/> and <see cref="ReviewPending"/> are outbox flags: written with the notice, cleared once
/// its fan-out is queued, so the sweep can queue what a crash in between left behind. <see cref="LastChange"/> is the
/// token of the change last written, by which a writer whose answer was lost knows its write was made.
/// <see cref="AnalystAmended"/>: an analyst has changed the facts, so a reporter's own update no longer replaces them
/// (it is proposed to analysts).
/// <see cref="ReportCount"/> counts every report filed against it, the same reporter's included (the board shows it
/// next to the independent sources).
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
    string ReporterList = "",
    bool ReviewPending = false,
    int LastReview = 0,
    DateTimeOffset? LastReviewAt = null,
    string? LastChange = null,
    bool AnalystAmended = false,
    int ReportCount = 1)
{
    /// <summary>
    /// Changes whenever what an analyst sees changes (status, version, facts, hold, timeline) but not with the
    /// service's own fan-out bookkeeping, so an <c>If-Match</c> is refused only for a real concurrent change.
    /// </summary>
    public string ContentTag
    {
        get
        {
            var content = $"{Status}|{Version}|{HoldUntil:O}|{TimelineCount}|{System.Text.Json.JsonSerializer.Serialize(Facts, AlertsJson.Options)}";
            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)))[..32];
        }
    }

    /// <summary>Every reporter that has reported this incident, first reporter first.</summary>
    public IReadOnlyList<string> Reporters => ReporterList.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public Incident WithReporter(string reporterId) =>
        Reporters.Contains(reporterId) ? this : this with { ReporterList = string.Join(',', Reporters.Append(reporterId)) };

    /// <summary>The timeline entry that would follow the last recorded one.</summary>
    public TimelineEntry NextEntry(DateTimeOffset at, Actor actor, string action, string? detail, int offset = 1) =>
        new(TimelineCount + offset, at, actor, action, detail);
}
