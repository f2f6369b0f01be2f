using Azure.Data.Tables;

namespace Alerts.Testing;

/// <summary>Reads storage directly, bypassing the service, so tests check what was really written.</summary>
public static class StorageProbe
{
    public static async Task<List<TableEntity>> RowsAsync(StorageAccount account, string table, string? partitionKey = null)
    {
        var client = account.Connection.Table(table);
        var filter = partitionKey is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Messages in a queue, visible or not (approximate count from queue properties).</summary>
    public static async Task<int> QueueLengthAsync(StorageAccount account, string queue) =>
        (await account.Connection.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;
}
