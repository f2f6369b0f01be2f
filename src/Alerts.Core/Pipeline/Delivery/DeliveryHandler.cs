using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Queues;
using Alerts.Core.Storage;

namespace Alerts.Core.Pipeline.Delivery;

/// <summary>
/// The delivery stage: one notice of an incident to a page of recipients. Each record is planned
/// (<see cref="DeliveryPlan"/>: withdraw, wait, send or skip), claimed by ETag before it is sent so that a repeated or
/// concurrent message sends nothing twice, and sent by <see cref="DeliverySender"/>; what must wait goes back on the
/// queue, together, for when the latest of them is due.
/// </summary>
public sealed class DeliveryHandler(
    IncidentStore incidents,
    DeliveryStore deliveries,
    SubscriberStore subscribers,
    NoticeSource notices,
    DeliverySender sender,
    TimeProvider time) : IStageHandler<DeliveryMessage>
{
    public async Task HandleAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        var found = await notices.FindAsync(message.IncidentId, message.Notice, cancellationToken);
        var incident = await incidents.FindAsync(message.IncidentId, cancellationToken);
        if (found is not { } issued || incident is null || message.SubscriberIds.Count == 0)
        {
            return;
        }

        var records = await deliveries.LoadAsync(message.IncidentId, message.Notice, message.Shard, message.SubscriberIds, cancellationToken);
        var predecessors = await PredecessorsAsync(message, records.Values, cancellationToken);
        var now = time.GetUtcNow();
        var cancelled = incident.Status == IncidentStatus.Cancelled;
        var claims = new List<DeliveryRecord>();
        var token = DeliveryClaim.NewToken();
        var waiting = new List<(string Id, DateTimeOffset At)>();
        foreach (var id in message.SubscriberIds)
        {
            var record = records.GetValueOrDefault(id);
            var predecessor = record?.After is { } after ? predecessors.GetValueOrDefault((after, id)) : null;
            switch (DeliveryPlan.For(record, predecessor, cancelled, now))
            {
                case DeliveryStep.Withdraw withdraw:
                    claims.Add(record! with { Status = DeliveryStatus.Withdrawn, LastError = withdraw.Reason, EarlierTold = withdraw.EarlierTold, ClaimedUntil = null, NextAttemptAt = null });
                    break;
                case DeliveryStep.Stop stop:
                    claims.Add(record! with { Status = DeliveryStatus.Attempted, LastError = stop.Reason, ClaimedUntil = null, NextAttemptAt = null });
                    break;
                case DeliveryStep.Wait wait:
                    waiting.Add((id, wait.At));
                    break;
                case DeliveryStep.Send:
                    claims.Add(DeliveryClaim.Of(record!, now, token));
                    break;
            }
        }

        var owned = await deliveries.TryClaimAsync(claims, cancellationToken);
        owned.RemoveAll(r => r.IsSettled);
        var recipients = await subscribers.FindManyAsync(owned.Select(r => r.Key.SubscriberId).ToList(), cancellationToken);
        await sender.SendAsync(new ClaimedDeliveries(message, owned, recipients, issued.Notice), cancellationToken);

        if (waiting.Count > 0)
        {
            // Deliveries another instance holds, corrections waiting for their predecessor, or not due yet: together, later.
            await sender.QueueLaterAsync(message, waiting.Select(n => n.Id).ToList(), message.Attempt, waiting.Max(n => n.At) - now, cancellationToken);
        }
    }

    /// <summary>The records of the notices these corrections follow, keyed by (notice, subscriber).</summary>
    private async Task<Dictionary<(int, string), DeliveryRecord>> PredecessorsAsync(DeliveryMessage message, IEnumerable<DeliveryRecord> records, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(int, string), DeliveryRecord>();
        foreach (var group in records.Where(r => r.After is not null && !r.IsSettled).GroupBy(r => r.After!.Value))
        {
            var found = await deliveries.LoadAsync(message.IncidentId, group.Key, message.Shard, group.Select(r => r.Key.SubscriberId).ToList(), cancellationToken);
            foreach (var (id, record) in found)
            {
                result[(group.Key, id)] = record;
            }
        }

        return result;
    }
}
