using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline.Delivery;

/// <summary>
/// Stage 4 of the pipeline: send one notice of an incident to a page of recipients. Each delivery is claimed (ETag)
/// before it is sent, so a repeated or concurrent message sends nothing twice; a correction waits until the notice it
/// follows has settled for that subscriber; after a cancellation no alert or update starts; every outcome is recorded;
/// retries go back on the queue with a visibility delay from the retry schedule.
/// </summary>
public sealed partial class DeliveryHandler(
    StageQueue<DeliveryMessage> deliveryQueue,
    IncidentStore incidents,
    DeliveryStore deliveries,
    SubscriberStore subscribers,
    NoticeSource notices,
    IEnumerable<IDeliveryChannel> channels,
    RetrySchedule retrySchedule,
    TimeProvider time,
    ILogger<DeliveryHandler> logger) : IStageHandler<DeliveryMessage>
{
    /// <summary>How long a claim keeps other instances away; after it, a crashed sender's deliveries are sent again.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    private const int MaxParallelSends = 64;
    private static readonly TimeSpan PredecessorPoll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DueTolerance = TimeSpan.FromSeconds(1);
    private readonly Dictionary<SubscriberChannel, IDeliveryChannel> channelsByKind = channels.ToDictionary(c => c.Channel);

    /// <summary>The record as its sender's claim: Sending, held for <see cref="ClaimLease"/>, one more attempt made.</summary>
    public static DeliveryRecord Claimed(DeliveryRecord record, DateTimeOffset now) =>
        record with { Status = DeliveryStatus.Sending, ClaimedUntil = now + ClaimLease, AttemptsMade = record.AttemptsMade + 1, LastAttemptAt = now };

    public async Task HandleAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        var found = await notices.FindAsync(message.IncidentId, message.Notice, cancellationToken);
        var incident = await incidents.FindAsync(message.IncidentId, cancellationToken);
        if (found is not { } issued || incident is null || message.SubscriberIds.Count == 0)
        {
            return;
        }

        var notice = issued.Notice;
        var records = await deliveries.LoadAsync(message.IncidentId, message.Notice, message.Shard, message.SubscriberIds, cancellationToken);
        var predecessors = await PredecessorsAsync(message, records.Values, cancellationToken);
        var now = time.GetUtcNow();
        var claims = new List<DeliveryRecord>();
        var notYet = new List<(string Id, DateTimeOffset At)>();
        var cancelled = incident.Status == IncidentStatus.Cancelled;
        foreach (var id in message.SubscriberIds)
        {
            if (!records.TryGetValue(id, out var record) || record.IsSettled)
            {
                continue;
            }

            var before = record.After is { } after ? predecessors.GetValueOrDefault((after, id)) : null;
            if ((cancelled && record.NoticeType != NoticeTypes.Cancel) || before?.Status == DeliveryStatus.Withdrawn ||
                (record.After is not null && before is null))
            {
                // Withdrawn facts are not sent; nor is a correction of something this subscriber was never sent.
                claims.Add(record with { Status = DeliveryStatus.Withdrawn, LastError = cancelled ? "incident cancelled before this was sent" : "the notice it corrects was never sent" });
                continue;
            }

            if (before is { IsSettled: false })
            {
                // Order per subscriber: the correction waits for the notice it follows.
                notYet.Add((id, Later(before, now)));
                continue;
            }

            switch (record.Status)
            {
                case DeliveryStatus.Sending when record.ClaimedUntil > now:
                    notYet.Add((id, record.ClaimedUntil.Value));
                    break;
                case DeliveryStatus.Pending when record.NextAttemptAt > now + DueTolerance:
                    notYet.Add((id, record.NextAttemptAt.Value));
                    break;
                case DeliveryStatus.Pending or DeliveryStatus.Sending:
                    claims.Add(Claimed(record, now));
                    break;
            }
        }

        var owned = await deliveries.TryClaimAsync(claims, cancellationToken);
        owned.RemoveAll(r => r.Status == DeliveryStatus.Withdrawn);
        var recipients = await subscribers.FindManyAsync(owned.Select(r => r.Key.SubscriberId).ToList(), cancellationToken);
        await SendClaimedAsync(message, owned, recipients, notice, cancellationToken);

        if (notYet.Count > 0)
        {
            // Deliveries another instance holds, corrections waiting for their predecessor, or not due yet: together, later.
            await QueueAsync(message, notYet.Select(n => n.Id).ToList(), message.Attempt, notYet.Max(n => n.At) - now, cancellationToken);
        }
    }

    /// <summary>
    /// Sends deliveries this caller has claimed (records in <see cref="DeliveryStatus.Sending"/> that it created or won by
    /// ETag), records every outcome, and queues the retries of <paramref name="message"/>'s page, grouped per delay. The
    /// fan-out calls this for first alerts it has just created as claims, so a first attempt needs no delivery message.
    /// </summary>
    public async Task SendClaimedAsync(DeliveryMessage message, IReadOnlyList<DeliveryRecord> owned, IReadOnlyDictionary<string, Subscriber> recipients, AlertNotice notice, CancellationToken cancellationToken)
    {
        if (owned.Count == 0)
        {
            return;
        }

        var outcomes = new DeliveryOutcome[owned.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, owned.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelSends, CancellationToken = cancellationToken },
            async (i, ct) => outcomes[i] = await SendAsync(owned[i], recipients.GetValueOrDefault(owned[i].Key.SubscriberId), AsSent(notice, owned[i]), ct));

        var finished = time.GetUtcNow();
        var results = new List<DeliveryRecord>(owned.Count);
        var retries = new List<(string Id, TimeSpan Delay, int Attempt)>();
        for (var i = 0; i < owned.Count; i++)
        {
            var (result, retryIn) = Apply(owned[i], outcomes[i], finished);
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
            await QueueAsync(message, group.Select(r => r.Id).ToList(), group.Max(r => r.Attempt), TimeSpan.FromSeconds(group.Key), cancellationToken);
        }

        LogDelivered(message.IncidentId, message.Notice, results.Count(r => r.Status == DeliveryStatus.Delivered), retries.Count, results.Count(r => r.Status == DeliveryStatus.Failed));
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

    /// <summary>
    /// When to look again at a correction whose predecessor is still on its way: at its next retry, or — while it is
    /// being sent (its claim lasts minutes, the send seconds) — shortly.
    /// </summary>
    private static DateTimeOffset Later(DeliveryRecord before, DateTimeOffset now) =>
        before.Status == DeliveryStatus.Pending && before.NextAttemptAt is { } next ? next : now + PredecessorPoll;

    /// <summary>A subscriber never told before gets the current facts as a first alert, with nothing to reference.</summary>
    private static AlertNotice AsSent(AlertNotice notice, DeliveryRecord record) =>
        record.NoticeType == notice.Type ? notice : notice with { Type = record.NoticeType, References = record.NoticeType == NoticeTypes.Alert ? null : notice.References };

    private async Task<DeliveryOutcome> SendAsync(DeliveryRecord record, Subscriber? subscriber, AlertNotice notice, CancellationToken cancellationToken)
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

    private (DeliveryRecord Record, TimeSpan? RetryIn) Apply(DeliveryRecord record, DeliveryOutcome outcome, DateTimeOffset now)
    {
        var done = record with { ClaimedUntil = null, NextAttemptAt = null, LastCode = outcome.Code, LastError = null };
        switch (outcome)
        {
            case DeliveryOutcome.Delivered:
                return (done with { Status = DeliveryStatus.Delivered, DeliveredAt = now }, null);
            case DeliveryOutcome.Retry retry when retrySchedule.NextDelay(record.AttemptsMade - record.ScheduleStart, retry.RetryAfter) is { } delay:
                return (done with { Status = DeliveryStatus.Pending, NextAttemptAt = now + delay, LastError = retry.Detail }, delay);
            case DeliveryOutcome.Retry retry:
                return (done with { Status = DeliveryStatus.Failed, LastError = $"retries exhausted after {record.AttemptsMade - record.ScheduleStart} attempts; last: {retry.Detail}" }, null);
            default:
                return (done with { Status = DeliveryStatus.Failed, LastError = outcome.Detail }, null);
        }
    }

    private async Task QueueAsync(DeliveryMessage original, IReadOnlyList<string> ids, int attempt, TimeSpan delay, CancellationToken cancellationToken)
    {
        var due = time.GetUtcNow() + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
        await deliveryQueue.SendAsync(original with { SubscriberIds = ids, Attempt = attempt, NotBefore = due }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} notice {Notice}: {Delivered} delivered, {Retrying} to retry, {Failed} failed")]
    private partial void LogDelivered(string incidentId, int notice, int delivered, int retrying, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriber {SubscriberId} disabled: {Reason}")]
    private partial void LogDisabled(string subscriberId, string reason);
}
