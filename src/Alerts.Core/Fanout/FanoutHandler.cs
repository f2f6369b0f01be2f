using Alerts.Core.Delivery;
using Alerts.Core.Incidents;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Alerts.Core.Subscribers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Fanout;

/// <summary>
/// Stage 3 of the pipeline: for one page of subscribers at a time, decide who gets a notice and as what — a first
/// alert for a subscriber who matches and was never told, a correction (update or cancel) for exactly those the
/// ledger says were told, after what they were told — record one delivery each (idempotently), update the ledger,
/// and queue delivery messages that each carry a page of recipients of one shard. Pages run one after another; the
/// last page hands the incident to the next notice's fan-out.
/// </summary>
public sealed partial class FanoutHandler(
    StorageConnection storage,
    IncidentStore incidents,
    SubscriberStore subscribers,
    DeliveryStore deliveries,
    RecipientLedger ledger,
    NoticeSource notices,
    FanoutCompleter completer,
    IOptions<FanoutOptions> options,
    TimeProvider time,
    ILogger<FanoutHandler> logger) : IQueueMessageHandler
{
    public string QueueName => QueueNames.AlertFanout;

    public Task HandleAsync(string message, CancellationToken cancellationToken) =>
        HandleAsync(QueueMessages.Deserialize<FanoutMessage>(QueueName, message), cancellationToken);

    public async Task HandleAsync(FanoutMessage message, CancellationToken cancellationToken)
    {
        var found = await notices.FindAsync(message.IncidentId, message.Notice, cancellationToken);
        var incident = await incidents.FindAsync(message.IncidentId, cancellationToken);
        if (found is not { } issued || incident is null)
        {
            LogSkipped(message.IncidentId, message.Notice);
            return;
        }

        var (notice, audience) = issued;
        var pageSize = options.Value.PageSize;
        var page = await subscribers.PageAsync(message.AfterSubscriberId, pageSize, cancellationToken);

        // A cancellation recorded while an alert or update was fanning out: nobody further is told the withdrawn facts.
        var withdrawn = audience == NoticeAudience.Subscribers && notice.Type != NoticeTypes.Cancel && incident.Status == IncidentStatus.Cancelled;
        var recipients = withdrawn ? [] : await RecipientsAsync(message, notice, audience, page, cancellationToken);

        var now = time.GetUtcNow();
        var records = recipients
            .Select(r => DeliveryRecord.New(new DeliveryKey(message.IncidentId, message.Notice, r.Subscriber.Id), r.Type, r.Subscriber, now, r.After))
            .ToList();
        await deliveries.CreateAsync(records, cancellationToken);
        if (audience == NoticeAudience.Subscribers)
        {
            await ledger.RecordAsync(message.IncidentId, message.Notice, recipients.Select(r => r.Subscriber.Id).ToList(), cancellationToken);
        }

        // Queue every recipient of the page, including records a previous run created: the delivery stage's claim
        // makes a repeat harmless, and a run that crashed before queueing is thereby completed.
        var queue = storage.Queue(QueueNames.AlertDelivery);
        foreach (var shard in recipients.GroupBy(r => SubscriberId.ShardOf(r.Subscriber.Id)))
        {
            foreach (var chunk in shard.Chunk(options.Value.RecipientsPerMessage))
            {
                var delivery = new DeliveryMessage(message.IncidentId, message.Notice, shard.Key, chunk.Select(r => r.Subscriber.Id).ToList(), Attempt: 1);
                await queue.SendMessageAsync(QueueMessages.Serialize(delivery), cancellationToken);
            }
        }

        LogFannedOut(message.IncidentId, message.Notice, notice.Type, page.Count, recipients.Count);
        if (page.Count == pageSize && !withdrawn)
        {
            await storage.Queue(QueueNames.AlertFanout).SendMessageAsync(
                QueueMessages.Serialize(message with { AfterSubscriberId = page[^1].Id }), cancellationToken);
        }
        else if (audience == NoticeAudience.Subscribers)
        {
            await completer.CompleteAsync(message.IncidentId, message.Notice, cancellationToken);
        }
    }

    private async Task<List<Recipient>> RecipientsAsync(FanoutMessage message, AlertNotice notice, NoticeAudience audience, IReadOnlyList<Subscriber> page, CancellationToken cancellationToken)
    {
        var live = page.Where(s => s.Enabled && (!notice.Facts.Exercise || s.Exercises)).ToList();
        if (audience == NoticeAudience.Analysts)
        {
            return live.Where(s => s.Role == SubscriberRole.Analyst && SubscriberFilterMatcher.Matches(s.Filter, notice.Facts))
                .Select(s => new Recipient(s, notice.Type, null)).ToList();
        }

        var told = notice.Type == NoticeTypes.Alert && message.Notice == 1
            ? new Dictionary<string, int>()
            : await ledger.ReadAsync(message.IncidentId, live.Select(s => s.Id).ToList(), cancellationToken);
        var result = new List<Recipient>();
        foreach (var subscriber in live.Where(s => s.Role == SubscriberRole.Subscriber))
        {
            if (told.TryGetValue(subscriber.Id, out var last))
            {
                if (last == message.Notice)
                {
                    // A repeated page: the record exists (its stored type and order win); queue it again.
                    result.Add(new Recipient(subscriber, notice.Type, null));
                }
                else if (last < message.Notice && notice.Type != NoticeTypes.Alert)
                {
                    result.Add(new Recipient(subscriber, notice.Type, last));
                }
            }
            else if (notice.Type != NoticeTypes.Cancel && SubscriberFilterMatcher.Matches(subscriber.Filter, notice.Facts))
            {
                // Never told: a first alert carrying the facts as they stand now.
                result.Add(new Recipient(subscriber, NoticeTypes.Alert, null));
            }
        }

        return result;
    }

    private sealed record Recipient(Subscriber Subscriber, string Type, int? After);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fan-out of incident {IncidentId} notice {Notice} ({Type}): {Scanned} subscribers read, {Matched} recipients")]
    private partial void LogFannedOut(string incidentId, int notice, string type, int scanned, int matched);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fan-out of incident {IncidentId} notice {Notice} skipped: not issued or unknown")]
    private partial void LogSkipped(string incidentId, int notice);
}
