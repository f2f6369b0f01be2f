using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Storage;

namespace Alerts.Core.Queries;

/// <summary>Who was told what: one row per recipient and notice, by incident or by subscriber.</summary>
public sealed class DeliveryQueries(IncidentQueries incidents, DeliveryStore deliveries, SubscriberStore subscribers, TimeProvider time)
{
    /// <summary>How far back a subscriber's recent deliveries reach: incidents received in this period.</summary>
    public static readonly TimeSpan RecentPeriod = TimeSpan.FromDays(30);

    /// <summary>A page of the incident's deliveries, in (notice, shard, subscriber) order; null when there is no such incident.</summary>
    /// <exception cref="InvalidContinuationTokenException">The token was not one this service issued.</exception>
    public async Task<Page<DeliveryRecord>?> ListAsync(string incidentId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!await incidents.ExistsAsync(incidentId, cancellationToken))
        {
            return null;
        }

        var page = await deliveries.ListAsync(incidentId, pageSize, continuationToken, cancellationToken);
        return new Page<DeliveryRecord>(page.Items, page.ContinuationToken);
    }

    /// <summary>
    /// A page of the subscriber's deliveries of incidents received in the last <see cref="RecentPeriod"/>, newest
    /// incident first; null when there is no such subscriber. A page may be short and still have a next page.
    /// </summary>
    /// <exception cref="InvalidContinuationTokenException">The token was not one this service issued.</exception>
    public async Task<Page<DeliveryRecord>?> ListRecentAsync(string subscriberId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (await subscribers.FindAsync(subscriberId, cancellationToken) is null)
        {
            return null;
        }

        var page = await deliveries.ListForSubscriberAsync(subscriberId, time.GetUtcNow() - RecentPeriod, pageSize, continuationToken, cancellationToken);
        return new Page<DeliveryRecord>(page.Items, page.ContinuationToken);
    }
}
