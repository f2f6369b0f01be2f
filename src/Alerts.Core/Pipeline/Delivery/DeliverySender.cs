using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline.Delivery;

/// <summary>
/// Sends claimed deliveries over their channels, records every outcome (<see cref="DeliverySettlement"/>), and queues the
/// page's retries, grouped per delay. A receiver that says it is gone (410) disables its subscriber.
/// </summary>
public sealed partial class DeliverySender(
    StageQueue<DeliveryMessage> deliveryQueue,
    DeliveryStore deliveries,
    SubscriberStore subscribers,
    IEnumerable<IDeliveryChannel> channels,
    RetrySchedule retrySchedule,
    TimeProvider time,
    ILogger<DeliverySender> logger)
{
    private const int MaxParallelSends = 64;
    private readonly Dictionary<SubscriberChannel, IDeliveryChannel> channelsByKind = channels.ToDictionary(c => c.Channel);

    public async Task SendAsync(ClaimedDeliveries claimed, CancellationToken cancellationToken)
    {
        var (page, owned, recipients, notice) = claimed;
        if (owned.Count == 0)
        {
            return;
        }

        var outcomes = new DeliveryOutcome[owned.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, owned.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelSends, CancellationToken = cancellationToken },
            async (i, ct) => outcomes[i] = await AttemptAsync(owned[i], recipients.GetValueOrDefault(owned[i].Key.SubscriberId), AsSent(notice, owned[i]), ct));

        var finished = time.GetUtcNow();
        var results = new List<DeliveryRecord>(owned.Count);
        var retries = new List<(string Id, TimeSpan Delay, int Attempt)>();
        for (var i = 0; i < owned.Count; i++)
        {
            var (result, retryIn) = DeliverySettlement.Settle(owned[i], outcomes[i], retrySchedule, finished);
            results.Add(result);
            if (retryIn is { } delay)
            {
                retries.Add((result.Key.SubscriberId, delay, result.AttemptsMade + 1));
            }

            if (outcomes[i] is DeliveryOutcome.Failed { DisableSubscriber: true })
            {
                await subscribers.DisableAsync(result.Key.SubscriberId, cancellationToken);
                LogDisabled(result.Key.SubscriberId, outcomes[i].Detail);
            }
        }

        await deliveries.SaveAsync(results, cancellationToken);

        // Retries of this page travel together.
        foreach (var group in retries.GroupBy(r => Math.Ceiling(r.Delay.TotalSeconds)))
        {
            await QueueLaterAsync(page, group.Select(r => r.Id).ToList(), group.Max(r => r.Attempt), TimeSpan.FromSeconds(group.Key), cancellationToken);
        }

        LogDelivered(page.IncidentId, page.Notice, results.Count(r => r.Status == DeliveryStatus.Delivered), retries.Count, results.Count(r => r.Status == DeliveryStatus.Failed));
    }

    /// <summary>Queues these subscribers of <paramref name="page"/> to be looked at again after <paramref name="delay"/>.</summary>
    public async Task QueueLaterAsync(DeliveryMessage page, IReadOnlyList<string> subscriberIds, int attempt, TimeSpan delay, CancellationToken cancellationToken)
    {
        var due = time.GetUtcNow() + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
        await deliveryQueue.SendAsync(page with { SubscriberIds = subscriberIds, Attempt = attempt, NotBefore = due }, cancellationToken);
    }

    /// <summary>A subscriber never told before gets the current facts as a first alert, with nothing to reference.</summary>
    private static AlertNotice AsSent(AlertNotice notice, DeliveryRecord record) =>
        record.NoticeType == notice.Type
            ? notice
            : notice with
            {
                Type = record.NoticeType,
                References = record.NoticeType == NoticeTypes.Alert ? null : notice.References,
                Earlier = record.NoticeType == NoticeTypes.Alert ? null : notice.Earlier,
            };

    private async Task<DeliveryOutcome> AttemptAsync(DeliveryRecord record, Subscriber? subscriber, AlertNotice notice, CancellationToken cancellationToken)
    {
        if (subscriber is null)
        {
            return new DeliveryOutcome.Failed("subscriber was deleted", null);
        }

        if (!subscriber.Enabled)
        {
            return new DeliveryOutcome.Failed("subscriber is disabled", null);
        }

        if (!channelsByKind.TryGetValue(subscriber.Channel, out var channel))
        {
            return new DeliveryOutcome.Failed($"no {subscriber.Channel} channel is configured", null);
        }

        return await channel.SendAsync(new DeliveryAttempt(record.Key.Id, subscriber, notice, record.AttemptsMade), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} notice {Notice}: {Delivered} delivered, {Retrying} to retry, {Failed} failed")]
    private partial void LogDelivered(string incidentId, int notice, int delivered, int retrying, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriber {SubscriberId} disabled: {Reason}")]
    private partial void LogDisabled(string subscriberId, string reason);
}
