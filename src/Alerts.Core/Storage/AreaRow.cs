using System.Text;
using System.Text.Json;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Verification;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Core.Storage;

/// <summary>
/// One correlation area as stored: its entries as JSON, split over properties of at most 30,000 characters (a table
/// string property holds 32 Ki characters). <see cref="ETag"/> is null while the row does not exist.
/// </summary>
public sealed record AreaRow(CorrelationArea Area, ETag? ETag, IReadOnlyList<AreaEntry> Entries)
{
    /// <summary>Keeps a row well inside the 1 MiB entity limit; the oldest entries give way first.</summary>
    public const int MaxEntries = 2_000;

    private const int ChunkLength = 30_000;
    private const string ChunkPrefix = "Entries";

    public static AreaRow Missing(CorrelationArea area) => new(area, null, []);

    public static AreaRow From(CorrelationArea area, TableEntity entity)
    {
        var json = new StringBuilder();
        for (var i = 0; entity.GetString(ChunkPrefix + i) is { } chunk; i++)
        {
            json.Append(chunk);
        }

        var entries = json.Length == 0 ? [] : JsonSerializer.Deserialize<List<AreaEntry>>(json.ToString(), AlertsJson.Options) ?? [];
        return new AreaRow(area, entity.ETag, entries);
    }

    /// <summary>This row with <paramref name="entry"/> added and the entries received before <paramref name="expiredBefore"/> dropped.</summary>
    public AreaRow With(AreaEntry entry, DateTimeOffset expiredBefore) => this with
    {
        Entries = Entries.Where(e => e.ReceivedAt >= expiredBefore && e.IncidentId != entry.IncidentId)
            .Append(entry)
            .OrderByDescending(e => e.ReceivedAt)
            .Take(MaxEntries)
            .OrderBy(e => e.ReceivedAt)
            .ToList(),
    };

    public TableEntity ToEntity()
    {
        var entity = new TableEntity(Area.Country, Area.RowKey);
        var json = Entries.Count == 0 ? string.Empty : JsonSerializer.Serialize(Entries, AlertsJson.Options);
        for (int i = 0, at = 0; at < json.Length; i++, at += ChunkLength)
        {
            entity[ChunkPrefix + i] = json.Substring(at, Math.Min(ChunkLength, json.Length - at));
        }

        return entity;
    }
}
