using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Alerts.Core.Admin;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline;
using Alerts.Core.Storage;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Alerts.Benchmarks;

/// <summary>Reports, subscribers and storage access shared by the scenarios.</summary>
internal static class Workload
{
    private static long sequence;

    public static HttpClient NewClient() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1024,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
    })
    { Timeout = TimeSpan.FromSeconds(60) };

    private static long places;

    /// <summary>
    /// A valid report of its own event, with its own reportId (JSON built by hand: the benchmark speaks the public API
    /// only). Each report lies a degree of latitude (111 km) or, at the same latitude, a degree of longitude (55 km or
    /// more within 60° of the equator) from the others, so correlation never joins two into one incident.
    /// </summary>
    public static string ReportJson(string reportId)
    {
        var occurred = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var place = Interlocked.Increment(ref places);
        var lat = (-60 + (place % 120)).ToString(CultureInfo.InvariantCulture);
        var lon = (-170 + (place / 120 % 340)).ToString(CultureInfo.InvariantCulture);
        return $$$"""
            {"reportId":"{{{reportId}}}","occurredAt":"{{{occurred}}}","category":"missile-impact","severity":"extreme",
             "certainty":"possible","urgency":"immediate",
             "location":{"country":"PL","place":"Place {{{place}}}","lat":{{{lat}}},"lon":{{{lon}}}},
             "summary":"Missile struck a grain dryer near the Ukrainian border; two killed.",
             "casualties":{"killed":2,"injured":0},"attribution":{"actor":"Russian Federation","confidence":"possible"},
             "source":{"reliability":"C","credibility":3}}
            """;
    }

    public static string NewReportId(string prefix) => $"{prefix}-{Environment.ProcessId}-{Interlocked.Increment(ref sequence)}";

    public sealed record Accepted(string IncidentId, DateTimeOffset HoldUntil);

    /// <summary>POST /api/incidents; throws unless 202.</summary>
    public static async Task<Accepted> SubmitAsync(HttpClient http, Uri server, string reportId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "api/incidents"))
        {
            Content = new StringContent(ReportJson(reportId), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Api-Key", ServerProcess.ReporterKey);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /api/incidents answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        return new Accepted(json.RootElement.GetProperty("incidentId").GetString()!, json.RootElement.GetProperty("holdUntil").GetDateTimeOffset());
    }

    public static StorageConnection Storage(string connectionString) => StorageConnection.FromConfiguration(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StorageConnection.SettingName] = connectionString }).Build());

    /// <summary>
    /// Creates subscribers directly in storage through <see cref="SubscriberRegistry"/> (the code behind
    /// POST /api/subscribers): real ids with shards and real <c>whsec_</c> secrets, which the receiver is told.
    /// </summary>
    public static async Task<int> AddSubscribersAsync(StorageConnection storage, int count, Func<int, SubscriberDraft> draft, Action<Subscriber>? created = null)
    {
        var registry = new SubscriberRegistry(new SubscriberStore(storage), Options.Create(new SubscriberOptions()), TimeProvider.System);
        var next = -1;
        await Parallel.ForEachAsync(Enumerable.Range(0, 16), async (_, ct) =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var subscriber = (await registry.CreateAsync(draft(i), ct)).Subscriber!;
                created?.Invoke(subscriber);
            }
        });
        return count;
    }

    public static SubscriberDraft Webhook(Uri url, int i) => new($"bench webhook {i}", SubscriberChannel.Webhook, url.ToString(), SubscriberFilter.All, Enabled: true);

    public static SubscriberDraft Email(int i) => new($"bench mailbox {i}", SubscriberChannel.Email, $"duty{i}@bench.example", SubscriberFilter.All, Enabled: true);

    /// <summary>Delivery rows of an incident: status counts and the latest write time (table Timestamp).</summary>
    public static async Task<(int Total, int Delivered, DateTimeOffset? LastWrite)> DeliveryRowsAsync(StorageConnection storage, string incidentId)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {incidentId + "|"} and PartitionKey lt {incidentId + "}"}");
        int total = 0, delivered = 0;
        DateTimeOffset? last = null;
        await foreach (var row in storage.Table(TableNames.Deliveries).QueryAsync<TableEntity>(filter, select: ["Status", "Timestamp"]))
        {
            total++;
            if (row.GetString("Status") == "Delivered")
            {
                delivered++;
            }

            if (row.Timestamp is { } t && (last is null || t > last))
            {
                last = t;
            }
        }

        return (total, delivered, last);
    }

    public static async Task<int> CountIncidentsAsync(StorageConnection storage)
    {
        var count = 0;
        await foreach (var _ in storage.Table(TableNames.Incidents).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {"incident"}"), select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    public static async Task CreateTablesAndQueuesAsync(StorageConnection storage)
    {
        foreach (var table in TableNames.All)
        {
            await storage.Table(table).CreateIfNotExistsAsync();
        }

        foreach (var queue in PipelineStages.QueuesWithPoison)
        {
            await storage.Queue(queue).CreateIfNotExistsAsync();
        }
    }
}

/// <summary>
/// The storage ceiling for intake: exactly the operations one report costs (see IntakeHandler), issued by a minimal
/// client with the Azure SDK and nothing else: one transaction in the country's intake-index partition (claim row
/// added, the two correlation-area rows around the event rewritten), one 4-entity transaction, one queue send. The
/// service reads no area rows per report once it has them cached, so neither does this.
/// </summary>
internal sealed class DirectIntake(StorageConnection storage)
{
    private static readonly string Facts = Workload.ReportJson("facts");
    private static readonly string AreaEntries = $"[{{\"i\":\"inc-0000000000000000\",\"a\":50.1,\"o\":23.9,\"t\":\"{DateTimeOffset.UtcNow:O}\",\"r\":\"{DateTimeOffset.UtcNow:O}\",\"c\":\"missile-impact\",\"x\":false}}]";
    private static long areas;
    private readonly TableClient index = storage.Table(TableNames.IntakeIndex);
    private readonly TableClient incidents = storage.Table(TableNames.Incidents);
    private readonly QueueClient release = storage.Queue(PipelineStages.ReleaseQueue);

    public async Task SubmitAsync(string reportId, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var incidentId = "inc-" + Guid.NewGuid().ToString("N");
        var band = Interlocked.Increment(ref areas) % 120;
        await index.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("PL", "claim|bench-reporter|" + reportId) { ["IncidentId"] = incidentId }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("PL", $"area|{band}|home") { ["Entries0"] = AreaEntries }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("PL", $"area|{band}|next") { ["Entries0"] = string.Empty }),
        ], cancellationToken);
        await incidents.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity(incidentId, "incident")
            {
                ["Status"] = "Held", ["Version"] = 1, ["Facts"] = Facts, ["ReporterId"] = "bench-reporter", ["ReceivedAt"] = now,
                ["HoldUntil"] = now.AddMinutes(5), ["HoldReason"] = "held 5 min: severity extreme", ["ReleasedAt"] = null, ["TimelineCount"] = 2,
                ["FanoutPending"] = false, ["OccurredAt"] = now, ["Country"] = "PL", ["Category"] = "missile-impact", ["Severity"] = "Extreme",
            }),
            new(TableTransactionActionType.Add, new TableEntity(incidentId, "report|bench-reporter|" + reportId)
            {
                ["ReporterId"] = "bench-reporter", ["ReportId"] = reportId, ["ReceivedAt"] = now, ["Body"] = Facts,
            }),
            new(TableTransactionActionType.Add, new TableEntity(incidentId, "timeline|000001")
            {
                ["Sequence"] = 1, ["At"] = now, ["Actor"] = "reporter:bench-reporter", ["Action"] = "received", ["Detail"] = "report " + reportId,
            }),
            new(TableTransactionActionType.Add, new TableEntity(incidentId, "timeline|000002")
            {
                ["Sequence"] = 2, ["At"] = now, ["Actor"] = "system", ["Action"] = "held", ["Detail"] = "held 5 min: severity extreme",
            }),
        ], cancellationToken);
        await release.SendMessageAsync(
            JsonSerializer.Serialize(new { incidentId, holdUntil = now.AddMinutes(5) }),
            visibilityTimeout: TimeSpan.FromMinutes(5),
            timeToLive: TimeSpan.FromSeconds(-1),
            cancellationToken: cancellationToken);
    }
}
