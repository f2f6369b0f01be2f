using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Core.Storage;

/// <summary>
/// Per-recipient delivery state in Table Storage, written in entity-group transactions of up to 100 rows of one
/// partition (a shard of one incident version). Claims are ETag-guarded so that two instances never send the same delivery.
/// </summary>
public sealed class DeliveryStore(StorageConnection storage)
{
    /// <summary>The most entities one table transaction may hold (Azurite does not enforce it; Azure does).</summary>
    public const int MaxBatch = 100;

    /// <summary>How many requests one page of a subscriber's deliveries may take (each scans up to 1,000 rows in Azure).</summary>
    private const int MaxScanRequests = 5;

    private TableClient Table => storage.Table(TableNames.Deliveries);

    /// <summary>
    /// Creates the records that do not exist yet; existing ones are left untouched. Returns the records this call
    /// created, with their ETags: an Add succeeds for exactly one caller, so a record created in the
    /// <see cref="DeliveryStatus.Sending"/> state is a claim its creator owns.
    /// </summary>
    public async Task<List<DeliveryRecord>> CreateAsync(IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken)
    {
        var created = new List<DeliveryRecord>(records.Count);
        foreach (var batch in Batches(records))
        {
            try
            {
                var response = await Table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, ToRow(r))), cancellationToken);
                created.AddRange(batch.Select((r, i) => r with { ETag = response.Value[i].Headers.ETag?.ToString() ?? string.Empty }));
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                // Some already exist (a repeated fan-out): add the rest one by one.
                foreach (var record in batch)
                {
                    try
                    {
                        var single = await Table.AddEntityAsync(ToRow(record), cancellationToken);
                        created.Add(record with { ETag = single.Headers.ETag?.ToString() ?? string.Empty });
                    }
                    catch (RequestFailedException inner) when (inner.Status == 409)
                    {
                        // Created by this very claim, its first answer lost on the way back? Then it is ours.
                        if (await OwnAsync(record, cancellationToken) is { } mine)
                        {
                            created.Add(mine);
                        }
                    }
                }
            }
        }

        return created;
    }

    /// <summary>The records of the given subscribers in one shard partition of an incident version.</summary>
    public async Task<Dictionary<string, DeliveryRecord>> LoadAsync(string incidentId, int notice, string shard, IReadOnlyCollection<string> subscriberIds, CancellationToken cancellationToken)
    {
        var wanted = subscriberIds.ToHashSet(StringComparer.Ordinal);
        var first = wanted.Min(StringComparer.Ordinal)!;
        var last = wanted.Max(StringComparer.Ordinal)!;
        var partition = DeliveryKey.PartitionFor(incidentId, notice, shard);

        // Fan-out pages are contiguous in id order, so a range read returns little besides the wanted rows.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {first} and RowKey le {last}");
        var result = new Dictionary<string, DeliveryRecord>(StringComparer.Ordinal);
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (wanted.Contains(row.RowKey))
            {
                result[row.RowKey] = FromRow(row);
            }
        }

        return result;
    }

    public async Task<DeliveryRecord?> FindAsync(DeliveryKey key, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(key.PartitionKey, key.SubscriberId, cancellationToken: cancellationToken);
        return response.HasValue ? FromRow(response.Value!) : null;
    }

    /// <summary>
    /// Moves records to their new state only if nobody changed them since they were read. Returns those this caller
    /// now owns, with fresh ETags; the rest were taken by someone else.
    /// </summary>
    public async Task<List<DeliveryRecord>> TryClaimAsync(IReadOnlyList<DeliveryRecord> claims, CancellationToken cancellationToken)
    {
        var won = new List<DeliveryRecord>(claims.Count);
        foreach (var batch in Batches(claims))
        {
            try
            {
                var response = await Table.SubmitTransactionAsync(
                    batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToRow(r), new ETag(r.ETag))), cancellationToken);
                won.AddRange(batch.Select((r, i) => r with { ETag = response.Value[i].Headers.ETag?.ToString() ?? string.Empty }));
            }
            catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
            {
                // Someone else claimed part of the batch: claim one by one to keep what is still free.
                foreach (var record in batch)
                {
                    try
                    {
                        var single = await Table.UpdateEntityAsync(ToRow(record), new ETag(record.ETag), TableUpdateMode.Replace, cancellationToken);
                        won.Add(record with { ETag = single.Headers.ETag?.ToString() ?? string.Empty });
                    }
                    catch (RequestFailedException inner) when (inner.Status is 412 or 404)
                    {
                        if (await OwnAsync(record, cancellationToken) is { } mine)
                        {
                            won.Add(mine);
                        }
                    }
                }
            }
        }

        return won;
    }

    /// <summary>Extends the claims of records this caller still sends: they stay its own for another lease.</summary>
    public async Task RenewAsync(IReadOnlyList<DeliveryRecord> records, DateTimeOffset claimedUntil, CancellationToken cancellationToken)
    {
        foreach (var batch in Batches(records))
        {
            await Table.SubmitTransactionAsync(
                batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(r.Key.PartitionKey, r.Key.SubscriberId) { ["ClaimedUntil"] = claimedUntil }, ETag.All)),
                cancellationToken);
        }
    }

    /// <summary>Releases claims this caller cannot finish (shutting down): pending again, due now, free for any instance.</summary>
    public async Task ReleaseAsync(IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken)
    {
        foreach (var batch in Batches(records))
        {
            await Table.SubmitTransactionAsync(
                batch.Select(r => new TableTransactionAction(
                    TableTransactionActionType.UpdateMerge,
                    new TableEntity(r.Key.PartitionKey, r.Key.SubscriberId) { ["Status"] = nameof(DeliveryStatus.Pending), ["ClaimedUntil"] = null, ["NextAttemptAt"] = null },
                    ETag.All)),
                cancellationToken);
        }
    }

    /// <summary>The stored record, when it carries this claim's token: this caller's claim, whatever the answer it lost.</summary>
    private async Task<DeliveryRecord?> OwnAsync(DeliveryRecord claim, CancellationToken cancellationToken)
    {
        if (claim.ClaimToken is null || await FindAsync(claim.Key, cancellationToken) is not { } stored)
        {
            return null;
        }

        return stored.ClaimToken == claim.ClaimToken && stored.AttemptsMade == claim.AttemptsMade ? stored : null;
    }

    /// <summary>Writes outcomes of records this caller owns (claimed), in batches.</summary>
    public async Task SaveAsync(IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken)
    {
        foreach (var batch in Batches(records))
        {
            await Table.SubmitTransactionAsync(
                batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToRow(r), ETag.All)), cancellationToken);
        }
    }

    /// <summary>An incident's deliveries over all versions, in (version, shard, subscriber) order.</summary>
    public async Task<DeliveryPage> ListAsync(string incidentId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var (from, to) = DeliveryKey.IncidentRange(incidentId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
        var token = ContinuationTokens.Decode(continuationToken);
        await foreach (var page in Table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(token))
        {
            return new DeliveryPage(page.Values.Select(FromRow).ToList(), ContinuationTokens.Encode(page.ContinuationToken));
        }

        return new DeliveryPage([], null);
    }

    /// <summary>
    /// One subscriber's deliveries of incidents received after <paramref name="since"/>, newest incident first (delivery
    /// partitions start with the incident id, which sorts newest first). There is no index by subscriber: this scans the
    /// incidents' delivery partitions of that period, at most a few requests per page, so a page may come back short
    /// with a token to go on.
    /// </summary>
    public async Task<DeliveryPage> ListForSubscriberAsync(string subscriberId, DateTimeOffset since, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {IncidentId.LowerBound(since)} and RowKey eq {subscriberId}");
        var (rows, token) = await FilteredScan.PageAsync(Table, filter, pageSize, continuationToken, cancellationToken, MaxScanRequests);
        return new DeliveryPage(rows.Select(FromRow).ToList(), token);
    }

    public async Task<DeliveryCounts> CountAsync(string incidentId, CancellationToken cancellationToken)
    {
        var (from, to) = DeliveryKey.IncidentRange(incidentId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
        int total = 0, delivered = 0, pending = 0, failed = 0, withdrawn = 0, attempted = 0;
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["Status"], cancellationToken: cancellationToken))
        {
            total++;
            switch (Enum.Parse<DeliveryStatus>(row.GetString("Status")))
            {
                case DeliveryStatus.Delivered: delivered++; break;
                case DeliveryStatus.Failed: failed++; break;
                case DeliveryStatus.Withdrawn: withdrawn++; break;
                case DeliveryStatus.Attempted: attempted++; break;
                default: pending++; break;
            }
        }

        return new DeliveryCounts(total, delivered, pending, failed, withdrawn, attempted);
    }

    private static IEnumerable<List<DeliveryRecord>> Batches(IReadOnlyList<DeliveryRecord> records) =>
        records.GroupBy(r => r.Key.PartitionKey, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxBatch)).Select(c => c.ToList());

    private static TableEntity ToRow(DeliveryRecord r) => new(r.Key.PartitionKey, r.Key.SubscriberId)
    {
        ["IncidentId"] = r.Key.IncidentId,
        ["Notice"] = r.Key.Notice,
        ["After"] = r.After,
        ["NoticeType"] = r.NoticeType,
        ["Channel"] = r.Channel.ToString(),
        ["SubscriberName"] = r.SubscriberName,
        ["Status"] = r.Status.ToString(),
        ["AttemptsMade"] = r.AttemptsMade,
        ["ScheduleStart"] = r.ScheduleStart,
        ["LastCode"] = r.LastCode,
        ["LastError"] = r.LastError,
        ["CreatedAt"] = r.CreatedAt,
        ["LastAttemptAt"] = r.LastAttemptAt,
        ["DeliveredAt"] = r.DeliveredAt,
        ["NextAttemptAt"] = r.NextAttemptAt,
        ["ClaimedUntil"] = r.ClaimedUntil,
        ["EarlierTold"] = r.EarlierTold ? true : null,
        ["ClaimToken"] = r.ClaimToken,
    };

    private static DeliveryRecord FromRow(TableEntity row) => new(
        new DeliveryKey(row.GetString("IncidentId"), row.GetInt32("Notice") ?? 1, row.RowKey),
        row.GetString("NoticeType"),
        Enum.Parse<SubscriberChannel>(row.GetString("Channel")),
        row.GetString("SubscriberName") ?? string.Empty,
        Enum.Parse<DeliveryStatus>(row.GetString("Status")),
        row.GetInt32("AttemptsMade") ?? 0,
        row.GetInt32("ScheduleStart") ?? 0,
        row.GetInt32("LastCode"),
        row.GetString("LastError"),
        row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("LastAttemptAt"),
        row.GetDateTimeOffset("DeliveredAt"),
        row.GetDateTimeOffset("NextAttemptAt"),
        row.GetDateTimeOffset("ClaimedUntil"),
        row.ETag.ToString(),
        row.GetInt32("After"),
        row.GetBoolean("EarlierTold") ?? false,
        row.GetString("ClaimToken"));
}
