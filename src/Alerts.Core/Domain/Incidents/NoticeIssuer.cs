namespace Alerts.Core.Domain.Incidents;

/// <summary>
/// Numbers new notices and updates the incident's fan-out bookkeeping in the same change, so the notice row, the
/// status and the "fan-out pending" flag are written together. Public notices queue behind a running fan-out.
/// </summary>
public static class NoticeIssuer
{
    public static (Incident Next, IssuedNotice Notice) Public(Incident incident, string type, DateTimeOffset now, int? references, string reason)
    {
        var number = incident.NoticeCount + 1;
        var notice = new IssuedNotice(number, type, NoticeAudience.Subscribers, incident.Version, incident.Facts, now, references, reason);
        var idle = incident.FanoutDone || incident.FanoutNotice == 0;
        var next = incident with
        {
            NoticeCount = number,
            LastPublicNotice = number,
            FanoutNotice = idle ? number : incident.FanoutNotice,
            FanoutDone = !idle && incident.FanoutDone,
            FanoutPending = idle || incident.FanoutPending,
        };
        return (next, notice);
    }

    public static (Incident Next, IssuedNotice Notice) Review(Incident incident, DateTimeOffset now, string reason)
    {
        var number = incident.NoticeCount + 1;
        var notice = new IssuedNotice(number, NoticeTypes.Review, NoticeAudience.Analysts, incident.Version, incident.Facts, now, null, reason);
        return (incident with { NoticeCount = number, ReviewPending = true, LastReview = number, LastReviewAt = now }, notice);
    }
}
