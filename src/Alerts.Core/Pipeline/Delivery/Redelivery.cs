using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Queues;
using Alerts.Core.Storage;

namespace Alerts.Core.Pipeline.Delivery;

/// <summary>An operator starts a delivery again: same webhook-id, a fresh retry schedule, queued now.</summary>
public sealed class Redelivery(DeliveryStore deliveries, StageQueue<DeliveryMessage> deliveryQueue, TimeProvider time)
{
    public enum Result
    {
        Queued,
        NotFound,
        InProgress,
    }

    public async Task<(Result Result, DeliveryRecord? Record)> RedeliverAsync(DeliveryKey key, CancellationToken cancellationToken)
    {
        var record = await deliveries.FindAsync(key, cancellationToken);
        if (record is null)
        {
            return (Result.NotFound, null);
        }

        if (record.Status == DeliveryStatus.Sending && record.ClaimedUntil > time.GetUtcNow())
        {
            return (Result.InProgress, record);
        }

        var reset = record with { Status = DeliveryStatus.Pending, ScheduleStart = record.AttemptsMade, NextAttemptAt = null, ClaimedUntil = null };
        var claimed = await deliveries.TryClaimAsync([reset], cancellationToken);
        if (claimed.Count == 0)
        {
            return (Result.InProgress, record);
        }

        var message = new DeliveryMessage(key.IncidentId, key.Notice, SubscriberId.ShardOf(key.SubscriberId), [key.SubscriberId], record.AttemptsMade + 1);
        await deliveryQueue.SendAsync(message, cancellationToken);
        return (Result.Queued, claimed[0]);
    }
}
