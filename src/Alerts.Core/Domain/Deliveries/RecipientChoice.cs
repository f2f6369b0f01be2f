using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Domain.Deliveries;

/// <summary>
/// Decides who on a page of subscribers gets a notice, and as what. Reviews go to analysts whose filters match. A public
/// notice goes to enabled subscribers (exercises only to those who opted in): a correction (update, cancel) to exactly
/// those the ledger says were told, after what they were told; a first alert with the facts as they stand now to those
/// never told whose filters match; and after a cancellation, nothing more but the cancellation.
/// </summary>
public static class RecipientChoice
{
    /// <summary>Whether choosing needs the ledger: only a first alert (notice 1) cannot have been preceded by anything.</summary>
    public static bool NeedsLedger(int notice, string type) => !(type == NoticeTypes.Alert && notice == 1);

    /// <summary>A cancellation recorded while an alert or update was fanning out: nobody further is told the withdrawn facts.</summary>
    public static bool IsWithdrawn(string type, NoticeAudience audience, bool incidentCancelled) =>
        audience == NoticeAudience.Subscribers && type != NoticeTypes.Cancel && incidentCancelled;

    /// <param name="notice">The notice's number.</param>
    /// <param name="type">Its type (<see cref="NoticeTypes"/>).</param>
    /// <param name="audience">Who it is for.</param>
    /// <param name="facts">The facts it carries.</param>
    /// <param name="incidentCancelled">Whether the incident has been cancelled since.</param>
    /// <param name="page">The subscribers to choose from.</param>
    /// <param name="told">The last public notice each subscriber was sent, from the ledger; absent: never told.</param>
    public static List<Recipient> Choose(int notice, string type, NoticeAudience audience, IncidentFacts facts, bool incidentCancelled, IReadOnlyList<Subscriber> page, IReadOnlyDictionary<string, int> told)
    {
        var live = page.Where(s => s.Enabled && (!facts.Exercise || s.Exercises));
        if (audience == NoticeAudience.Analysts)
        {
            return live.Where(s => s.Role == SubscriberRole.Analyst && SubscriberFilterMatcher.Matches(s.Filter, facts))
                .Select(s => new Recipient(s, type, null)).ToList();
        }

        if (IsWithdrawn(type, audience, incidentCancelled))
        {
            return [];
        }

        var result = new List<Recipient>();
        foreach (var subscriber in live.Where(s => s.Role == SubscriberRole.Subscriber))
        {
            if (told.TryGetValue(subscriber.Id, out var last))
            {
                if (last == notice)
                {
                    // A repeated page: the record exists (its stored type and order win); it is handed on again.
                    result.Add(new Recipient(subscriber, type, null));
                }
                else if (last < notice && type != NoticeTypes.Alert)
                {
                    result.Add(new Recipient(subscriber, type, last));
                }
            }
            else if (type != NoticeTypes.Cancel && SubscriberFilterMatcher.Matches(subscriber.Filter, facts))
            {
                // Never told: a first alert carrying the facts as they stand now.
                result.Add(new Recipient(subscriber, NoticeTypes.Alert, null));
            }
        }

        return result;
    }
}
