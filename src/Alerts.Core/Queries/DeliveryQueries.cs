using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Storage;

namespace Alerts.Core.Queries;

/// <summary>Who was told what about an incident: one row per recipient and notice.</summary>
public sealed class DeliveryQueries(IncidentQueries incidents, DeliveryStore deliveries)
{
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
}
