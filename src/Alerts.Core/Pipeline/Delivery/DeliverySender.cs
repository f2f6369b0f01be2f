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
/// Sends claimed deliveries over their channels (through the <see cref="SendGate"/>), renews their claims while attempts
/// run, records every outcome (<see cref="DeliverySettlement"/>) in waves as they finish, and queues the page's retries,
/// grouped per delay. What the attempts show of an endpoint is recorded too (<see cref="EndpointHealth"/>).
/// </summary>
public sealed partial class DeliverySender(
    StageQueue<DeliveryMessage> deliveryQueue,
    DeliveryStore deliveries,
    SubscriberStore subscribers,
    IEnumerable<IDeliveryChannel> channels,
    SendGate gate,
    RetrySchedule retrySchedule,
    IOptions<SubscriberOptions> subscriberOptions,
    TimeProvider time,
    ILogger<DeliverySender> logger)
{
    /// <summary>How long after the first attempt of a batch finishes the others it waits for, to record them together.</summary>
    private static readonly TimeSpan Wave = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<SubscriberChannel, IDeliveryChannel> channelsByKind = channels.ToDictionary(c => c.Channel);

    public async Task SendAsync(ClaimedDeliveries claimed, CancellationToken cancellationToken)
    {
        var (page, owned, recipients, notice) = claimed;
        if (owned.Count == 0)
        {
            return;
        }

        var running = new Dictionary<Task<DeliveryOutcome>, DeliveryRecord>(owned.Count);
        foreach (var record in owned)
        {
            var subscriber = recipients.GetValueOrDefault(record.Key.SubscriberId);
            running[gate.RunAsync(subscriber, ct => AttemptAsync(record, subscriber, AsSent(notice, record), ct), cancellationToken)] = record;
        }

        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewWhileRunningAsync(running, renewing.Token);
        try
        {
            // Outcomes are recorded in waves: what finished within a moment of the first, together; a receiver that
            // does not answer keeps only its own record waiting.
            while (running.Count > 0)
            {
                await Task.WhenAny(running.Keys);
                await Task.WhenAny(Task.WhenAll(running.Keys), Task.Delay(Wave, time, CancellationToken.None));
                List<(DeliveryRecord Record, DeliveryOutcome Outcome)> finished;
                lock (running)
                {
                    finished = running.Where(r => r.Key.IsCompletedSuccessfully).Select(r => (r.Value, r.Key.Result)).ToList();
                    foreach (var task in running.Keys.Where(t => t.IsCompletedSuccessfully).ToList())
                    {
                        running.Remove(task);
                    }
                }

                // What was attempted is recorded even while shutting down: it happened.
                await SettleAsync(page, finished, recipients, CancellationToken.None);
                if (cancellationToken.IsCancellationRequested)
                {
                    await GiveBackAsync(running.Values.ToList());
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
        }
    }

    /// <summary>Records the outcomes of finished attempts, queues their retries (together per delay), and notes what they showed of each endpoint.</summary>
    private async Task SettleAsync(DeliveryMessage page, IReadOnlyList<(DeliveryRecord Record, DeliveryOutcome Outcome)> finished, IReadOnlyDictionary<string, Subscriber> recipients, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var results = new List<DeliveryRecord>(finished.Count);
        var retries = new List<(string Id, TimeSpan Delay, int Attempt)>();
        foreach (var (record, outcome) in finished)
        {
            var (result, retryIn) = DeliverySettlement.Settle(record, outcome, retrySchedule, now);
            results.Add(result);
            if (retryIn is { } delay)
            {
                retries.Add((result.Key.SubscriberId, delay, result.AttemptsMade + 1));
            }
        }

        await deliveries.SaveAsync(results, cancellationToken);
        await RecordEndpointsAsync(finished, recipients, now, cancellationToken);

        foreach (var group in retries.GroupBy(r => Math.Ceiling(r.Delay.TotalSeconds)))
        {
            await QueueLaterAsync(page, group.Select(r => r.Id).ToList(), group.Max(r => r.Attempt), TimeSpan.FromSeconds(group.Key), cancellationToken);
        }

        LogDelivered(page.IncidentId, page.Notice, results.Count(r => r.Status == DeliveryStatus.Delivered), retries.Count, results.Count(r => r.Status == DeliveryStatus.Failed));
    }

    /// <summary>
    /// Shutting down with attempts unfinished: their claims are released, so another instance sends them at once rather
    /// than after the lease (the attempt stays counted: it may have gone out). Best effort: otherwise the lease lapses.
    /// </summary>
    private async Task GiveBackAsync(IReadOnlyList<DeliveryRecord> unfinished)
    {
        try
        {
            await deliveries.ReleaseAsync(unfinished, CancellationToken.None);
            LogGivenBack(unfinished.Count);
        }
        catch (RequestFailedException e)
        {
            LogRenewFailed(e, unfinished.Count);
        }
    }

    /// <summary>Keeps the claims of attempts still running from lapsing, so no other instance sends them meanwhile.</summary>
    private async Task RenewWhileRunningAsync(Dictionary<Task<DeliveryOutcome>, DeliveryRecord> running, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(DeliveryClaim.RenewEvery, time, cancellationToken);
                List<DeliveryRecord> still;
                lock (running)
                {
                    still = running.Where(r => !r.Key.IsCompleted).Select(r => r.Value).ToList();
                }

                try
                {
                    await deliveries.RenewAsync(still, time.GetUtcNow() + DeliveryClaim.Lease, cancellationToken);
                }
                catch (RequestFailedException e)
                {
                    LogRenewFailed(e, still.Count);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Records what the attempts showed of each endpoint (<see cref="EndpointHealth"/>): a run of failures begun or ended,
    /// a subscriber disabled. After the outcomes are saved, and best effort: the next attempt records it again.
    /// </summary>
    private async Task RecordEndpointsAsync(IReadOnlyList<(DeliveryRecord Record, DeliveryOutcome Outcome)> finished, IReadOnlyDictionary<string, Subscriber> recipients, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var disableAfter = subscriberOptions.Value.DisableAfter;
        foreach (var (record, outcome) in finished)
        {
            var id = record.Key.SubscriberId;
            if (recipients.GetValueOrDefault(id) is not { } subscriber || EndpointHealth.After(subscriber, outcome, now, disableAfter) is not { } change)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriber {SubscriberId} {Reason}")]
    private partial void LogDisabled(string subscriberId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: the claims of {Count} deliveries not yet done are released for another instance")]
    private partial void LogGivenBack(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the claims of {Count} deliveries still being sent; another instance may send them again, under the same webhook-id")]
    private partial void LogRenewFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the endpoint state of subscriber {SubscriberId}; the next attempt will")]
    private partial void LogEndpointNotRecorded(Exception exception, string subscriberId);
}
