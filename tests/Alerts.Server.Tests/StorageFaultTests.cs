using System.Net;
using System.Text.Json;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Storage;
using Alerts.Testing;
using Xunit.Abstractions;

namespace Alerts.Server.Tests;

/// <summary>
/// The service with a share of its storage requests failing — before they reach Azurite, or after (the answer lost) —
/// through <see cref="StorageFaultProxy"/>. Counts and states are asserted; how late releases were is written out.
/// </summary>
public class StorageFaultTests(ITestOutputHelper output)
{
    private static readonly StorageFaultRule[] ThreePercent =
    [
        new(StorageFault.FailBefore, 0.015, StorageFaultRule.Any),
        new(StorageFault.ResetAfter, 0.015 / (1 - 0.015), StorageFaultRule.Any),
    ];

    private static Dictionary<string, string> Settings(StorageFaultProxy proxy) => PipelineSettings.With(
        ("AzureWebJobsStorage", proxy.ConnectionString), ("Logging:LogLevel:Alerts", "Information"), ("Hold:Override", "00:00:02"));

    /// <summary>Sends a report until the service accepts it (a 5xx or a lost answer may mean it was stored: the same report again is safe).</summary>
    private static async Task<JsonElement> ReportUntilAccepted(RunningServer server, string json)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/incidents", RunningServer.ReporterKey, json));
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return await response.Json();
                }

                Assert.True((int)response.StatusCode >= 500, $"refused: {response.StatusCode}");
            }
            catch (HttpRequestException) when (attempt < 20)
            {
            }

            Assert.True(attempt < 20, "the report was never accepted");
            await Task.Delay(200);
        }
    }

    private sealed record IncidentStory(string Id, string? Status, int Released, TimeSpan Lateness, string Deliveries, string Flags);

    /// <summary>What storage itself (not through the proxy) says of each incident.</summary>
    private static async Task<List<IncidentStory>> StoryOf(StorageAccount account, IReadOnlyList<string> ids)
    {
        var deliveries = await StorageProbe.RowsAsync(account, TableNames.Deliveries);
        var stories = new List<IncidentStory>();
        foreach (var id in ids)
        {
            var rows = await StorageProbe.RowsAsync(account, TableNames.Incidents, id);
            var incident = rows.SingleOrDefault(x => x.RowKey == IncidentRows.Incident);
            var lateness = incident?.GetDateTimeOffset("ReleasedAt") is { } at ? at - incident.GetDateTimeOffset("HoldUntil")!.Value : TimeSpan.Zero;
            var flags = incident is null ? "missing" : $"fanoutPending {incident.GetBoolean("FanoutPending")}, fanoutDone {incident.GetBoolean("FanoutDone")}";
            stories.Add(new IncidentStory(
                id,
                incident?.GetString("Status"),
                rows.Count(r => r.GetString("Action") == TimelineActions.Released),
                lateness,
                string.Join(",", deliveries.Where(d => d.GetString("IncidentId") == id).Select(d => d.GetString("Status"))),
                flags));
        }

        return stories;
    }

    [Fact]
    public async Task ThreePercentFaults_EveryAcceptedReportIsReleasedOnce_AndDeliveredUnderOneWebhookId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = await StorageAccount.CreateAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(account);
        await using var server = await RunningServer.StartAsync(Settings(proxy), account);
        var subscribe = await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/subscribers", RunningServer.AdminKey,
            JsonSerializer.Serialize(new { name = "hook", channel = "webhook", url = new Uri(receiver.BaseUrl, "hook").AbsoluteUri, filters = new { } })));
        Assert.Equal(HttpStatusCode.Created, subscribe.StatusCode);

        proxy.Rules = ThreePercent;
        var accepted = new List<JsonElement>();
        for (var i = 0; i < 30; i++)
        {
            accepted.Add(await ReportUntilAccepted(server, SampleReports.Json(SampleReports.Distinct(i, $"fault-{i}"))));
            await Task.Delay(300);
        }

        var ids = accepted.Select(a => a.GetProperty("incidentId").GetString()!).Distinct().ToList();
        Assert.Equal(30, ids.Count);
        var settled = await Eventually.Until(
            () => StoryOf(account, ids),
            story => story.All(i => i.Status == nameof(IncidentStatus.Released) && i.Deliveries == "Delivered"),
            TimeSpan.FromMinutes(2),
            story => string.Join("; ", story.Where(i => i.Status != nameof(IncidentStatus.Released) || i.Deliveries != "Delivered").Select(i => $"{i.Id}: {i.Status}, deliveries [{i.Deliveries}], {i.Flags}")));

        var lateness = new List<TimeSpan>();
        foreach (var incident in settled)
        {
            Assert.Equal(1, incident.Released);
            lateness.Add(incident.Lateness);
            var arrived = receiver.Requests.Where(r => r.Headers["webhook-id"].Contains(incident.Id, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(arrived);
            Assert.Single(arrived.Select(r => r.Headers["webhook-id"]).Distinct());
        }

        proxy.Rules = [];
        lateness.Sort();
        output.WriteLine($"faults injected: {string.Join(", ", proxy.Injected.Select(kv => $"{kv.Key} {kv.Value}"))}");
        output.WriteLine($"release lateness: p50 {lateness[lateness.Count / 2].TotalMilliseconds:0} ms, p90 {lateness[(int)(lateness.Count * 0.9)].TotalMilliseconds:0} ms, max {lateness[^1].TotalMilliseconds:0} ms");
    }

    /// <summary>Issue 15, case 5: half the delivery-record writes are made but their answers lost; every delivery still ends delivered, by itself.</summary>
    [Fact]
    public async Task OutcomeWritesLost_EveryDeliveryStillReachesAFinalState_UnderOneWebhookIdEach()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = await StorageAccount.CreateAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(account);
        await using var server = await RunningServer.StartAsync(Settings(proxy), account);
        for (var i = 0; i < 20; i++)
        {
            var subscribe = await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/subscribers", RunningServer.AdminKey,
                JsonSerializer.Serialize(new { name = $"hook {i}", channel = "webhook", url = new Uri(receiver.BaseUrl, $"hook/{i}").AbsoluteUri, filters = new { } })));
            Assert.Equal(HttpStatusCode.Created, subscribe.StatusCode);
        }

        proxy.Rules = [new(StorageFault.ResetAfter, 0.5, StorageFaultRule.WritesTo(TableNames.Deliveries))];
        var id = (await ReportUntilAccepted(server, SampleReports.Json(SampleReports.Przewodow()))).GetProperty("incidentId").GetString()!;

        var story = await Eventually.Until(
            () => StoryOf(account, [id]),
            s => s[0].Deliveries.Split(',').Length == 20 && s[0].Deliveries.Split(',').All(d => d == "Delivered"),
            TimeSpan.FromMinutes(2),
            s => $"deliveries [{s[0].Deliveries}]");
        proxy.Rules = [];

        Assert.True(proxy.Injected.GetValueOrDefault(StorageFault.ResetAfter) > 0);
        for (var i = 0; i < 20; i++)
        {
            var arrived = receiver.Requests.Where(r => r.Path == $"/hook/{i}").ToList();
            Assert.NotEmpty(arrived);
            Assert.Single(arrived.Select(r => r.Headers["webhook-id"]).Distinct());
        }

        output.WriteLine($"faults injected: {string.Join(", ", proxy.Injected.Select(kv => $"{kv.Key} {kv.Value}"))}; requests {receiver.Requests.Count} for 20 deliveries; {story[0].Deliveries}");
    }
}
