using Alerts.Core.Domain.Cap;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline.Delivery;
using Alerts.Core.Pipeline.Delivery.Email;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline.Fanout;

/// <summary>
/// The fan-out stage: for one page of subscribers at a time, decide who gets a notice and as what — a first
/// alert for a subscriber who matches and was never told, a correction (update or cancel) for exactly those the
/// ledger says were told, after what they were told — record one delivery each (idempotently) and update the ledger.
/// First alerts and reviews are created already claimed (an Add succeeds for one caller only) and sent right here, in
/// overlapping chunks of one shard; corrections, which must wait for their predecessor, and records a previous run
/// created go to the delivery stage in delivery messages. Pages run one after another (the next is queued once this
/// one's records exist); the last page hands the incident to the next notice's fan-out. The first page of a public
/// notice of a real incident also puts it in the Atom feed: published when it starts going out.
/// </summary>
public sealed partial class FanoutHandler(
    StageQueue<FanoutMessage> fanouts,
    StageQueue<DeliveryMessage> deliveryQueue,
    IncidentStore incidents,
    SubscriberStore subscribers,
    DeliveryStore deliveries,
    DeliverySender sender,
    RecipientLedger ledger,
    NoticeSource notices,
    FanoutCompleter completer,
    FeedStore feed,
    IOptions<FanoutOptions> options,
    TimeProvider time,
    ILogger<FanoutHandler> logger) : IStageHandler<FanoutMessage>
{
    public async Task HandleAsync(FanoutMessage message, CancellationToken cancellationToken)
    {
        // Three independent reads, issued together: on the way to the first alert, each round trip counts.
        var pageSize = options.Value.PageSize;
        var noticeRead = notices.FindAsync(message.IncidentId, message.Notice, cancellationToken);
        var incidentRead = incidents.FindAsync(message.IncidentId, cancellationToken);
        var pageRead = subscribers.PageAsync(message.AfterSubscriberId, pageSize, cancellationToken);
        await Task.WhenAll(noticeRead, incidentRead, pageRead);
        var (found, incident, page) = (await noticeRead, await incidentRead, await pageRead);
        if (found is not { } issued || incident is null)
        {
            LogSkipped(message.IncidentId, message.Notice);
            return;
        }

        var (notice, audience) = issued;

        var cancelled = incident.Status == IncidentStatus.Cancelled;
        var withdrawn = RecipientChoice.IsWithdrawn(notice.Type, audience, cancelled);
        var told = !withdrawn && audience == NoticeAudience.Subscribers && RecipientChoice.NeedsLedger(message.Notice, notice.Type)
            ? await ledger.ReadAsync(message.IncidentId, page.Select(s => s.Id).ToList(), cancellationToken)
            : [];
        var recipients = RecipientChoice.Choose(message.Notice, notice.Type, audience, notice.Facts, cancelled, page, told);

        var now = time.GetUtcNow();
        var published = message.AfterSubscriberId is null && audience == NoticeAudience.Subscribers && !notice.Facts.Exercise && !withdrawn
            ? feed.PublishAsync(Entry(notice), cancellationToken)
            : Task.CompletedTask;

        // A first alert or a review is created claimed, to be sent right here; a correction waits in the delivery stage.
        var chunks = recipients
            .GroupBy(r => SubscriberId.ShardOf(r.Subscriber.Id))
            .SelectMany(shard => shard.Chunk(options.Value.RecipientsPerMessage).Select(chunk => (Shard: shard.Key, Recipients: chunk)))
            .ToList();
        var created = new List<DeliveryRecord>[chunks.Count];

        // The first chunk is written and sent before the rest of the page is written: the first alert is not kept
        // waiting for a thousand records.
        var firstSend = Task.CompletedTask;
        var completion = Task.CompletedTask;
        try
        {
            if (chunks.Count > 0)
            {
                created[0] = await WriteChunkAsync(message, audience, chunks[0].Recipients, now, cancellationToken);
                firstSend = SendChunkAsync(message, notice, chunks[0].Shard, chunks[0].Recipients, created[0], cancellationToken);
            }

            var rest = Enumerable.Range(1, Math.Max(0, chunks.Count - 1)).ToList();
            var overlap = new ParallelOptions { MaxDegreeOfParallelism = options.Value.ParallelChunks, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(rest, overlap, async (i, ct) => created[i] = await WriteChunkAsync(message, audience, chunks[i].Recipients, now, ct));

            // The next page (or the next notice) may start now: this page's records and ledger entries exist.
            if (page.Count == pageSize && !withdrawn)
            {
                await fanouts.SendAsync(message with { AfterSubscriberId = page[^1].Id }, cancellationToken);
            }
            else if (audience == NoticeAudience.Subscribers)
            {
                completion = CompleteAsync(message, cancellationToken);
            }

            // All at once: the send gate bounds attempts in flight, and a chunk with a receiver that does not answer
            // must not hold back the chunks after it.
            await Task.WhenAll(rest.Select(i => SendChunkAsync(message, notice, chunks[i].Shard, chunks[i].Recipients, created[i], cancellationToken)));
        }
        finally
        {
            await firstSend;
        }

        // The claimed chunks are sent even when marking the fan-out done or publishing failed; then the message is retried for that.
        await completion;
        await published;

        LogFannedOut(message.IncidentId, message.Notice, notice.Type, page.Count, recipients.Count);
    }

    /// <summary>Hands the incident to its next public notice's fan-out, without holding up this page's sends.</summary>
    private async Task CompleteAsync(FanoutMessage message, CancellationToken cancellationToken) =>
        await completer.CompleteAsync(message.IncidentId, message.Notice, cancellationToken);

    /// <summary>
    /// Notes the chunk's subscribers in the ledger (public notices: corrections must reach whoever may have been told),
    /// then creates their delivery records; returns the records this run created.
    /// </summary>
    private async Task<List<DeliveryRecord>> WriteChunkAsync(FanoutMessage message, NoticeAudience audience, IReadOnlyList<Recipient> recipients, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (audience == NoticeAudience.Subscribers)
        {
            await ledger.RecordAsync(message.IncidentId, message.Notice, recipients.Select(r => r.Subscriber.Id).ToList(), cancellationToken);
        }

        var token = DeliveryClaim.NewToken();
        return await deliveries.CreateAsync(recipients.Select(r => Record(message, r, now, token)).ToList(), cancellationToken);
    }

    private static DeliveryRecord Record(FanoutMessage message, Recipient recipient, DateTimeOffset now, string token)
    {
        var record = DeliveryRecord.New(new DeliveryKey(message.IncidentId, message.Notice, recipient.Subscriber.Id), recipient.Type, recipient.Subscriber, now, recipient.After);
        return recipient.After is null ? DeliveryClaim.Of(record, now, token) : record;
    }

    private async Task SendChunkAsync(FanoutMessage message, AlertNotice notice, string shard, IReadOnlyList<Recipient> recipients, List<DeliveryRecord> created, CancellationToken cancellationToken)
    {
        var page = new DeliveryMessage(message.IncidentId, message.Notice, shard, recipients.Select(r => r.Subscriber.Id).ToList(), Attempt: 1);
        var claimed = created.Where(r => r.Status == DeliveryStatus.Sending).ToList();

        // Corrections, and records a previous (or concurrent) run created, go to the delivery stage, whose claim
        // check makes a repeat harmless; this also completes a run that crashed between creating and sending.
        var mine = claimed.Select(r => r.Key.SubscriberId).ToHashSet(StringComparer.Ordinal);
        if (mine.Count < recipients.Count)
        {
            await deliveryQueue.SendAsync(page with { SubscriberIds = page.SubscriberIds.Where(id => !mine.Contains(id)).ToList() }, cancellationToken);
        }

        await sender.SendAsync(new ClaimedDeliveries(page, claimed, recipients.ToDictionary(r => r.Subscriber.Id, r => r.Subscriber, StringComparer.Ordinal), notice), cancellationToken);
    }

    private static FeedEntry Entry(AlertNotice notice) => new(
        notice.IncidentId, notice.Number, notice.Type, notice.IssuedAt, EmailComposer.Subject(notice), notice.Facts.Summary, (notice.Earlier ?? []).Select(n => n.Number).ToList());

    [LoggerMessage(Level = LogLevel.Information, Message = "Fan-out of incident {IncidentId} notice {Notice} ({Type}): {Scanned} subscribers read, {Matched} recipients")]
    private partial void LogFannedOut(string incidentId, int notice, string type, int scanned, int matched);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fan-out of incident {IncidentId} notice {Notice} skipped: not issued or unknown")]
    private partial void LogSkipped(string incidentId, int notice);
}
