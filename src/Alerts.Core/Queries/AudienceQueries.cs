using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Storage;

namespace Alerts.Core.Queries;

/// <summary>
/// Counts who an incident's alert would reach, by the fan-out's own choice (<see cref="RecipientChoice"/>) applied to
/// every subscriber as if nobody had been told yet: the count an analyst sees is the count the release would send to.
/// </summary>
public sealed class AudienceQueries(IncidentStore incidents, SubscriberStore subscribers)
{
    /// <summary>Subscribers read per request, as a fan-out page reads them.</summary>
    private const int PageSize = 1000;

    private static readonly Dictionary<string, int> NobodyTold = [];

    /// <summary>The audience of the incident's alert if released now; null when there is no such incident.</summary>
    public async Task<Audience?> ForReleaseAsync(string incidentId, CancellationToken cancellationToken)
    {
        if (!IncidentId.IsWellFormed(incidentId) || await incidents.FindAsync(incidentId, cancellationToken) is not { } incident)
        {
            return null;
        }

        var alerted = AudienceCount.None;
        var reviewers = AudienceCount.None;
        string? after = null;
        while (true)
        {
            var page = await subscribers.PageAsync(after, PageSize, cancellationToken);
            alerted = alerted.Add(Choose(NoticeTypes.Alert, NoticeAudience.Subscribers, incident, page));
            reviewers = reviewers.Add(Choose(NoticeTypes.Review, NoticeAudience.Analysts, incident, page));
            if (page.Count < PageSize)
            {
                return new Audience(incident.Id, alerted, reviewers);
            }

            after = page[^1].Id;
        }
    }

    private static IEnumerable<Subscriber> Choose(string type, NoticeAudience audience, Incident incident, IReadOnlyList<Subscriber> page) =>
        RecipientChoice.Choose(1, type, audience, incident.Facts, incidentCancelled: false, page, NobodyTold).Select(r => r.Subscriber);
}
