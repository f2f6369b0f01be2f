using Alerts.Core.Delivery;
using Alerts.Core.Incidents;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Alerts.Core.Subscribers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Fanout;

/// <summary>
/// Stage 3 of the pipeline: one page of subscribers at a time, find who matches the released version, and for each
/// chunk of recipients of one shard create their delivery records already claimed (an Add succeeds for one caller
/// only) and send the first attempt right here. Records a previous run created are handed to the delivery stage in a
/// delivery message, whose claim check makes a repeat harmless; retries go there too.
/// </summary>
public sealed partial class FanoutHandler(
    StorageConnection storage,
    IncidentStore incidents,
    SubscriberStore subscribers,
    DeliveryStore deliveries,
    DeliveryHandler delivery,
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
        // Three independent reads, issued together: on the way to the first alert, each round trip counts.
        var pageSize = options.Value.PageSize;
        var incidentRead = incidents.FindAsync(message.IncidentId, cancellationToken);
        var noticeRead = notices.FindAsync(message.IncidentId, message.Version, cancellationToken);
        var pageRead = subscribers.PageAsync(message.AfterSubscriberId, pageSize, cancellationToken);
        await Task.WhenAll(incidentRead, noticeRead, pageRead);
        var (incident, notice, page) = (await incidentRead, await noticeRead, await pageRead);
        if (incident is null || notice is null || incident.Status is IncidentStatus.Cancelled or IncidentStatus.Retracted)
        {
            LogSkipped(message.IncidentId, message.Version);
            return;
        }

        if (page.Count == pageSize)
        {
            // Hand the rest on first, so later pages proceed while this one is recorded and sent.
            await storage.Queue(QueueNames.AlertFanout).SendMessageAsync(
                QueueMessages.Serialize(message with { AfterSubscriberId = page[^1].Id }), cancellationToken);
        }

        var recipients = page.Where(s => s.Enabled && SubscriberFilterMatcher.Matches(s.Filter, notice.Facts)).ToList();
        var chunks = recipients
            .GroupBy(s => SubscriberId.ShardOf(s.Id))
            .SelectMany(shard => shard.Chunk(options.Value.RecipientsPerMessage).Select(chunk => (Shard: shard.Key, Recipients: chunk)))
            .ToList();

        // Chunks overlap: one is being written while another is being sent.
        await Parallel.ForEachAsync(
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.ParallelChunks, CancellationToken = cancellationToken },
            async (chunk, ct) => await DeliverChunkAsync(message, notice, chunk.Shard, chunk.Recipients, ct));

        LogFannedOut(message.IncidentId, message.Version, page.Count, recipients.Count);
    }

    private async Task DeliverChunkAsync(FanoutMessage message, AlertNotice notice, string shard, IReadOnlyList<Subscriber> recipients, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var records = recipients
            .Select(s => DeliveryHandler.Claimed(DeliveryRecord.New(new DeliveryKey(message.IncidentId, message.Version, s.Id), notice.Type, s, now), now))
            .ToList();
        var created = await deliveries.CreateAsync(records, cancellationToken);
        var recorded = time.GetTimestamp();
        var page = new DeliveryMessage(message.IncidentId, message.Version, shard, recipients.Select(s => s.Id).ToList(), Attempt: 1);

        // Records a previous (or concurrent) run created: the delivery stage sends whatever of them is still due, after
        // any live claim lapses. This also completes a run that crashed between creating and sending.
        if (created.Count < records.Count)
        {
            var mine = created.Select(r => r.Key.SubscriberId).ToHashSet(StringComparer.Ordinal);
            await storage.Queue(QueueNames.AlertDelivery).SendMessageAsync(
                QueueMessages.Serialize(page with { SubscriberIds = page.SubscriberIds.Where(id => !mine.Contains(id)).ToList() }), cancellationToken);
        }

        await delivery.SendClaimedAsync(page, created, recipients.ToDictionary(s => s.Id, StringComparer.Ordinal), notice, cancellationToken);
        LogChunk(message.IncidentId, shard, created.Count, records.Count, time.GetElapsedTime(started, recorded).TotalMilliseconds, time.GetElapsedTime(recorded).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fan-out chunk of incident {IncidentId} shard {Shard}: {Created}/{Total} records created claimed in {CreateMs:F0} ms; sent and outcomes recorded in {SendMs:F0} ms")]
    private partial void LogChunk(string incidentId, string shard, int created, int total, double createMs, double sendMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fan-out of incident {IncidentId} v{Version}: {Scanned} subscribers read, {Matched} recipients")]
    private partial void LogFannedOut(string incidentId, int version, int scanned, int matched);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fan-out of incident {IncidentId} v{Version} skipped: not issued, withdrawn or unknown")]
    private partial void LogSkipped(string incidentId, int version);
}
