using Alerts.Core.Delivery;
using Alerts.Core.Incidents;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Alerts.Core.Subscribers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Fanout;

/// <summary>
/// Stage 3 of the pipeline: one page of subscribers at a time, find who matches the released version, record one
/// delivery per recipient (idempotently), and queue delivery messages that each carry a page of recipients of one shard.
/// </summary>
public sealed partial class FanoutHandler(
    StorageConnection storage,
    IncidentStore incidents,
    SubscriberStore subscribers,
    DeliveryStore deliveries,
    NoticeSource notices,
    IOptions<FanoutOptions> options,
    TimeProvider time,
    ILogger<FanoutHandler> logger) : IQueueMessageHandler
{
    public string QueueName => QueueNames.AlertFanout;

    public Task HandleAsync(string message, CancellationToken cancellationToken) =>
        HandleAsync(QueueMessages.Deserialize<FanoutMessage>(QueueName, message), cancellationToken);

    public async Task HandleAsync(FanoutMessage message, CancellationToken cancellationToken)
    {
        var incident = await incidents.FindAsync(message.IncidentId, cancellationToken);
        var notice = await notices.FindAsync(message.IncidentId, message.Version, cancellationToken);
        if (incident is null || notice is null || incident.Status is IncidentStatus.Cancelled or IncidentStatus.Retracted)
        {
            LogSkipped(message.IncidentId, message.Version);
            return;
        }

        var pageSize = options.Value.PageSize;
        var page = await subscribers.PageAsync(message.AfterSubscriberId, pageSize, cancellationToken);
        var queue = storage.Queue(QueueNames.AlertDelivery);
        if (page.Count == pageSize)
        {
            // Hand the rest on first, so later pages proceed while this one is recorded and sent.
            await storage.Queue(QueueNames.AlertFanout).SendMessageAsync(
                QueueMessages.Serialize(message with { AfterSubscriberId = page[^1].Id }), cancellationToken);
        }

        var now = time.GetUtcNow();
        var recipients = page.Where(s => s.Enabled && SubscriberFilterMatcher.Matches(s.Filter, notice.Facts)).ToList();
        var records = recipients
            .Select(s => DeliveryRecord.New(new DeliveryKey(message.IncidentId, message.Version, s.Id), notice.Type, s, now))
            .ToList();
        await deliveries.CreateAsync(records, cancellationToken);

        // Queue every recipient of the page, including records a previous run created: the delivery stage's claim
        // makes a repeat harmless, and a run that crashed before queueing is thereby completed.
        foreach (var shard in recipients.GroupBy(s => SubscriberId.ShardOf(s.Id)))
        {
            foreach (var chunk in shard.Chunk(options.Value.RecipientsPerMessage))
            {
                var delivery = new DeliveryMessage(message.IncidentId, message.Version, shard.Key, chunk.Select(s => s.Id).ToList(), Attempt: 1);
                await queue.SendMessageAsync(QueueMessages.Serialize(delivery), cancellationToken);
            }
        }

        LogFannedOut(message.IncidentId, message.Version, page.Count, recipients.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fan-out of incident {IncidentId} v{Version}: {Scanned} subscribers read, {Matched} recipients")]
    private partial void LogFannedOut(string incidentId, int version, int scanned, int matched);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fan-out of incident {IncidentId} v{Version} skipped: not issued, withdrawn or unknown")]
    private partial void LogSkipped(string incidentId, int version);
}
