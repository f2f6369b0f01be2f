using Azure.Data.Tables;

namespace Alerts.Core.Storage;

/// <summary>
/// Per incident, the last public notice each subscriber was sent (or is being sent). Corrections go to exactly these
/// subscribers, each after the notice recorded here. Partition = incident, row = subscriber.
/// </summary>
public sealed class RecipientLedger(StorageConnection storage)
{
    private TableClient Table => storage.Table(TableNames.Ledger);

    /// <summary>The last notice sent to each of the given subscribers (read as one id range); absent = never told.</summary>
    public async Task<Dictionary<string, int>> ReadAsync(string incidentId, IReadOnlyList<string> subscriberIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (subscriberIds.Count == 0)
        {
            return result;
        }

        var wanted = subscriberIds.ToHashSet(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {incidentId} and RowKey ge {wanted.Min(StringComparer.Ordinal)} and RowKey le {wanted.Max(StringComparer.Ordinal)}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Notice"], cancellationToken: cancellationToken))
        {
            if (wanted.Contains(row.RowKey))
            {
                result[row.RowKey] = row.GetInt32("Notice") ?? 0;
            }
        }

        return result;
    }

    /// <summary>Records that these subscribers are sent <paramref name="notice"/> (never lowers an entry: notices only grow).</summary>
    public async Task RecordAsync(string incidentId, int notice, IReadOnlyList<string> subscriberIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in subscriberIds.Chunk(DeliveryStore.MaxBatch))
        {
            await Table.SubmitTransactionAsync(
                chunk.Select(id => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(incidentId, id) { ["Notice"] = notice })),
                cancellationToken);
        }
    }
}
