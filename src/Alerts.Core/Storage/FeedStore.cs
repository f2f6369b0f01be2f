using System.Globalization;
using Alerts.Core.Domain.Cap;
using Azure.Data.Tables;

namespace Alerts.Core.Storage;

/// <summary>
/// The entries of the Atom feed in one partition, newest first by row key (inverted issue time), so the feed is one
/// short range read. An entry is written (upserted: idempotent) when its notice's fan-out starts.
/// </summary>
public sealed class FeedStore(StorageConnection storage)
{
    public const string Partition = "entries";

    private TableClient Table => storage.Table(TableNames.Feed);

    public async Task PublishAsync(FeedEntry entry, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(
            new TableEntity(Partition, RowKey(entry))
            {
                ["IncidentId"] = entry.IncidentId,
                ["Notice"] = entry.Notice,
                ["Type"] = entry.Type,
                ["IssuedAt"] = entry.IssuedAt,
                ["Title"] = entry.Title,
                ["Summary"] = entry.Summary,
                ["Replaces"] = string.Join(',', entry.Replaces),
            },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>The newest <paramref name="count"/> entries, newest first.</summary>
    public async Task<IReadOnlyList<FeedEntry>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        var entries = new List<FeedEntry>(count);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: count, cancellationToken: cancellationToken))
        {
            entries.Add(new FeedEntry(
                row.GetString("IncidentId"),
                row.GetInt32("Notice") ?? 1,
                row.GetString("Type"),
                row.GetDateTimeOffset("IssuedAt")!.Value,
                row.GetString("Title") ?? string.Empty,
                row.GetString("Summary") ?? string.Empty,
                (row.GetString("Replaces") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList()));
            if (entries.Count == count)
            {
                break;
            }
        }

        return entries;
    }

    private static string RowKey(FeedEntry entry) =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - entry.IssuedAt.UtcTicks:D19}|{entry.IncidentId}|{entry.Notice:D6}");
}
