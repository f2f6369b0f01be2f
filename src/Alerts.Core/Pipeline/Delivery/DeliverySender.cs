using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
    IOptions<SubscriberOptions> subscriberOptions,
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

        }

        await deliveries.SaveAsync(results, cancellationToken);
        await RecordEndpointsAsync(owned, outcomes, recipients, finished, cancellationToken);

        // Retries of this page travel together.
        foreach (var group in retries.GroupBy(r => Math.Ceiling(r.Delay.TotalSeconds)))
        {
            await QueueLaterAsync(page, group.Select(r => r.Id).ToList(), group.Max(r => r.Attempt), TimeSpan.FromSeconds(group.Key), cancellationToken);
        }

        LogDelivered(page.IncidentId, page.Notice, results.Count(r => r.Status == DeliveryStatus.Delivered), retries.Count, results.Count(r => r.Status == DeliveryStatus.Failed));
    }

    /// <summary>
    /// Records what the attempts showed of each endpoint (<see cref="EndpointHealth"/>): a run of failures begun or ended,
    /// a subscriber disabled. After the outcomes are saved, and best effort: the next attempt records it again.
    /// </summary>
    private async Task RecordEndpointsAsync(IReadOnlyList<DeliveryRecord> owned, DeliveryOutcome[] outcomes, IReadOnlyDictionary<string, Subscriber> recipients, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var disableAfter = subscriberOptions.Value.DisableAfter;
        for (var i = 0; i < owned.Count; i++)
        {
            var id = owned[i].Key.SubscriberId;
            if (recipients.GetValueOrDefault(id) is not { } subscriber || EndpointHealth.After(subscriber, outcomes[i], now, disableAfter) is not { } change)
            {
                continue;
            }

            try
            {
                await subscribers.RecordEndpointAsync(id, change, cancellationToken);
                if (!change.Enabled)
                {
                    LogDisabled(id, change.DisabledReason!);
                }
            }
            catch (RequestFailedException e)
            {
                LogEndpointNotRecorded(e, id);
            }
        }
    }

    /// <summary>Queues these subscribers of <paramref name="page"/> to be looked at again after <paramref name="delay"/>.</summary>
    public async Task QueueLaterAsync(DeliveryMessage page, IReadOnlyList<string> subscriberIds, int attempt, TimeSpan delay, CancellationToken cancellationToken)
    {
        var due = time.GetUtcNow() + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
        await deliveryQueue.SendAsync(page with { SubscriberIds = subscriberIds, Attempt = attempt, NotBefore = due }, cancellationToken);
    }

    /// <summary>A subscriber never told before gets the current facts as a first alert, with nothing to reference.</summary>
    private static AlertNotice AsSent(AlertNotice notice, DeliveryRecord record) =>
        record.NoticeType == notice.Type ? notice : notice with { Type = record.NoticeType, References = record.NoticeType == NoticeTypes.Alert ? null : notice.References };

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriber {SubscriberId} {Reason}")]
    private partial void LogDisabled(string subscriberId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the endpoint state of subscriber {SubscriberId}; the next attempt will")]
    private partial void LogEndpointNotRecorded(Exception exception, string subscriberId);
}
