using System.Text.Json;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Areas;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Core.Storage;

/// <summary>Subscribers in one table partition, ordered by id (and so by shard) for paged fan-out scans.</summary>
public sealed class SubscriberStore(StorageConnection storage)
{
    public const string Partition = "subscribers";

    private TableClient Table => storage.Table(TableNames.Subscribers);

    public async Task AddAsync(Subscriber subscriber, CancellationToken cancellationToken) =>
        await Table.AddEntityAsync(ToRow(subscriber), cancellationToken);

    public async Task<Subscriber?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!SubscriberId.IsWellFormed(id))
        {
            return null;
        }

        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? FromRow(response.Value!) : null;
    }

    /// <summary>Replaces the subscriber if unchanged since read; false on a concurrent change or deletion.</summary>
    public async Task<bool> TryReplaceAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateEntityAsync(ToRow(subscriber), new ETag(subscriber.ETag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>False when there was no such subscriber.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        // DeleteEntityAsync does not throw when the entity is missing: it returns the 404 response.
        var response = await Table.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    /// <summary>Records what attempts showed of a subscriber's endpoint: failing since when, and whether it stays enabled.</summary>
    public async Task RecordEndpointAsync(string id, EndpointChange change, CancellationToken cancellationToken)
    {
        try
        {
            var row = new TableEntity(Partition, id) { ["Enabled"] = change.Enabled, ["FailingSince"] = change.FailingSince, ["DisabledReason"] = change.DisabledReason };
            await Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Subscribers in id order, a page at a time, for the admin API.</summary>
    public async Task<(IReadOnlyList<Subscriber> Items, string? ContinuationToken)> ListAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var page in Table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(ContinuationTokens.Decode(continuationToken)))
        {
            return (page.Values.Select(FromRow).ToList(), ContinuationTokens.Encode(page.ContinuationToken));
        }

        return ([], null);
    }

    /// <summary>Up to <paramref name="count"/> subscribers with ids after <paramref name="afterId"/>, in id order.</summary>
    public async Task<IReadOnlyList<Subscriber>> PageAsync(string? afterId, int count, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {afterId ?? string.Empty}");
        var result = new List<Subscriber>(count);
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(count, 1000), cancellationToken: cancellationToken))
        {
            result.Add(FromRow(row));
            if (result.Count == count)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>The given subscribers, by id, read as one id range (delivery pages are contiguous in id order).</summary>
    public async Task<Dictionary<string, Subscriber>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, Subscriber>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return result;
        }

        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition} and RowKey ge {wanted.Min(StringComparer.Ordinal)} and RowKey le {wanted.Max(StringComparer.Ordinal)}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (wanted.Contains(row.RowKey))
            {
                result[row.RowKey] = FromRow(row);
            }
        }

        return result;
    }

    private static TableEntity ToRow(Subscriber s) => new(Partition, s.Id)
    {
        ["Name"] = s.Name,
        ["Channel"] = s.Channel.ToString(),
        ["Target"] = s.Target,
        ["Countries"] = string.Join(',', s.Filter.Countries),
        ["MinimumSeverity"] = s.Filter.MinimumSeverity.ToString(),
        ["Categories"] = string.Join(',', s.Filter.Categories),
        ["Enabled"] = s.Enabled,
        ["Secrets"] = JsonSerializer.Serialize(s.Secrets, AlertsJson.Options),
        ["CreatedAt"] = s.CreatedAt,
        ["Role"] = s.Role.ToString(),
        ["Exercises"] = s.Exercises,
        ["FailingSince"] = s.FailingSince,
        ["DisabledReason"] = s.DisabledReason,

        // Absent in rows written before areas and formats: no area, JSON.
        ["Area"] = s.Filter.Area is { } area ? JsonSerializer.Serialize(area, AlertsJson.Options) : null,
        ["Format"] = s.Format.ToString(),
    };

    private static Subscriber FromRow(TableEntity row) => new(
        row.RowKey,
        row.GetString("Name"),
        Enum.Parse<SubscriberChannel>(row.GetString("Channel")),
        row.GetString("Target"),
        new SubscriberFilter(
            Split(row.GetString("Countries")),
            Enum.Parse<Severity>(row.GetString("MinimumSeverity")),
            Split(row.GetString("Categories")),
            row.GetString("Area") is { Length: > 0 } area ? JsonSerializer.Deserialize<IncidentArea>(area, AlertsJson.Options) : null),
        row.GetBoolean("Enabled") ?? true,
        JsonSerializer.Deserialize<List<SigningSecret>>(row.GetString("Secrets") ?? "[]", AlertsJson.Options) ?? [],
        row.GetDateTimeOffset("CreatedAt") ?? row.Timestamp ?? DateTimeOffset.MinValue,
        row.ETag.ToString(),
        Enum.Parse<SubscriberRole>(row.GetString("Role") ?? nameof(SubscriberRole.Subscriber)),
        row.GetBoolean("Exercises") ?? false,
        row.GetDateTimeOffset("FailingSince"),
        row.GetString("DisabledReason"),
        Enum.Parse<SubscriberFormat>(row.GetString("Format") ?? nameof(SubscriberFormat.Json)));

    private static List<string> Split(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
}
