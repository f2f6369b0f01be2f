using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Alerts.Core.Admin;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Storage;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Alerts.Server.Tests;

/// <summary>
/// Real server processes killed (SIGKILL) mid-work and started again, or left to another instance, on the same storage.
/// Asserted: final states and webhook-ids (a repeat carries the same one). How long recovery took is written out.
/// </summary>
public class CrashTests(ITestOutputHelper output)
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "Alerts.Server.dll");

    private static Dictionary<string, string> Settings(StorageAccount account) => new(PipelineSettings.With(
        ("AzureWebJobsStorage", account.ConnectionString),
        ("environment", "Production"),
        ("Hold:Override", "00:00:01"),
        ("Auth:Keys:0:Key", RunningServer.ReporterKey), ("Auth:Keys:0:Role", "reporter"), ("Auth:Keys:0:Name", "reporter-one"),
        ("Auth:Keys:1:Key", RunningServer.AnalystKey), ("Auth:Keys:1:Role", "analyst"), ("Auth:Keys:1:Name", "duty-analyst"),
        ("Logging:LogLevel:Default", "Warning")));

    private static async Task AddSubscribersAsync(StorageAccount account, WebhookReceiver receiver, int count)
    {
        await using var services = CoreServices.Create(account, TimeProvider.System);
        var registry = services.GetRequiredService<SubscriberRegistry>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await registry.CreateAsync(new SubscriberDraft($"hook {i}", SubscriberChannel.Webhook, new Uri(receiver.BaseUrl, $"s/{i}").AbsoluteUri, SubscriberFilter.All, true), ct));
    }

    private static async Task<string> ReportAsync(HttpClient client, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/incidents") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", RunningServer.ReporterKey);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("incidentId").GetString()!;
    }

    /// <summary>Every subscriber reached, every delivery delivered, and any repeat under the same webhook-id.</summary>
    private static async Task<DateTimeOffset> AllReachedAsync(StorageAccount account, WebhookReceiver receiver, string incidentId, int count)
    {
        await Eventually.Until(
            () => StorageProbe.RowsAsync(account, TableNames.Deliveries),
            rows => rows.Count(r => r.GetString("IncidentId") == incidentId && r.GetString("Status") == "Delivered") == count,
            TimeSpan.FromMinutes(3));
        var byPath = receiver.Requests.GroupBy(r => r.Path).ToList();
        Assert.Equal(count, byPath.Count);
        Assert.All(byPath, g => Assert.Single(g.Select(r => r.Headers["webhook-id"]).Distinct()));
        return byPath.Max(g => g.Min(r => r.ReceivedAt));
    }

    [Fact]
    public async Task KilledMidFanout_TheRestartedServerReachesEveryoneElse_RepeatsOnlyUnderTheSameWebhookId()
    {
        const int count = 1000;
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => new WebhookReceiver.Reply(204, Delay: TimeSpan.FromMilliseconds(500));
        var account = await StorageAccount.CreateAsync();
        await AddSubscribersAsync(account, receiver, count);
        var settings = Settings(account);
        settings["Delivery:MaxConnectionsPerServer"] = "50";

        var first = await ServerProcess.StartAsync(ServerDll, settings);
        var incidentId = await ReportAsync(first.Client, SampleReports.Json(SampleReports.Przewodow()));
        await Eventually.Until(() => Task.FromResult(receiver.Requests.Count), n => n >= 100, TimeSpan.FromMinutes(1));
        first.Kill();
        var reachedBeforeCrash = receiver.Requests.Select(r => r.Path).Distinct().Count();
        var restarted = Stopwatch.StartNew();
        await using var second = await ServerProcess.StartAsync(ServerDll, settings);
        var upAfter = restarted.Elapsed;

        var last = await AllReachedAsync(account, receiver, incidentId, count);

        Assert.True(reachedBeforeCrash < count, "the crash came too late to test anything");
        var repeats = receiver.Requests.Count - count;
        output.WriteLine($"{reachedBeforeCrash} reached before the kill; restarted server up after {upAfter.TotalSeconds:0.0} s; last first arrival {(last - DateTimeOffset.UtcNow + restarted.Elapsed).TotalSeconds:0.0} s after the restart began; {repeats} repeats, all under the same webhook-id");
        await first.DisposeAsync();
    }

    [Fact]
    public async Task TwoInstances_OneKilledMidFanout_TheOtherReachesEveryone()
    {
        const int count = 600;
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => new WebhookReceiver.Reply(204, Delay: TimeSpan.FromMilliseconds(500));
        var account = await StorageAccount.CreateAsync();
        await AddSubscribersAsync(account, receiver, count);
        var settings = Settings(account);
        settings["Delivery:MaxConnectionsPerServer"] = "30";
        await using var a = await ServerProcess.StartAsync(ServerDll, settings);
        await using var b = await ServerProcess.StartAsync(ServerDll, settings);

        var incidentId = await ReportAsync(a.Client, SampleReports.Json(SampleReports.Przewodow()));
        await Eventually.Until(() => Task.FromResult(receiver.Requests.Count), n => n >= 60, TimeSpan.FromMinutes(1));
        a.Kill();
        var killedAt = DateTimeOffset.UtcNow;

        var last = await AllReachedAsync(account, receiver, incidentId, count);

        output.WriteLine($"last first arrival {(last - killedAt).TotalSeconds:0.0} s after the kill; {receiver.Requests.Count - count} repeats");
    }

    [Fact]
    public async Task KilledMidIntake_EveryAcceptedReportIsOneIncident_ReleasedOnce_AfterTheRestart()
    {
        var account = await StorageAccount.CreateAsync();
        var settings = Settings(account);
        var reports = Enumerable.Range(0, 40).Select(i => SampleReports.Json(SampleReports.Distinct(i, $"crash-{i}"))).ToList();
        var first = await ServerProcess.StartAsync(ServerDll, settings);
        var accepted = new List<int>();
        var posting = Task.Run(async () =>
        {
            for (var i = 0; i < reports.Count; i++)
            {
                try
                {
                    await ReportAsync(first.Client, reports[i]);
                    lock (accepted)
                    {
                        accepted.Add(i);
                    }
                }
                catch (HttpRequestException)
                {
                    return;
                }
            }
        });
        await Eventually.Until(() => Task.FromResult(accepted.Count), n => n >= 10);
        first.Kill();
        await posting;

        // A reporter sends again everything it has no answer for, and the rest too: the same report is the same incident.
        await using var second = await ServerProcess.StartAsync(ServerDll, settings);
        var ids = new List<string>();
        foreach (var report in reports)
        {
            ids.Add(await ReportAsync(second.Client, report));
        }

        Assert.Equal(reports.Count, ids.Distinct().Count());
        foreach (var id in ids)
        {
            var rows = await Eventually.Until(
                () => StorageProbe.RowsAsync(account, TableNames.Incidents, id),
                r => r.SingleOrDefault(x => x.RowKey == IncidentRows.Incident)?.GetString("Status") == nameof(IncidentStatus.Released),
                TimeSpan.FromMinutes(2));
            Assert.Single(rows, r => r.GetString("Action") == TimelineActions.Released);
            Assert.Single(rows, r => r.RowKey.StartsWith(IncidentRows.ReportPrefix, StringComparison.Ordinal));
        }

        await first.DisposeAsync();
    }
}
