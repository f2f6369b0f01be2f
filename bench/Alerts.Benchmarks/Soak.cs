using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Alerts.Core.Storage;
using Alerts.Testing;
using Azure.Data.Tables;

namespace Alerts.Benchmarks;

/// <summary>
/// The soak (issue 15; scripts/soak.sh): minutes of steady intake, analyst actions (retractions during the hold,
/// amendments and cancellations after release) and fan-out to webhook subscribers, with a share of storage requests
/// failed by <see cref="StorageFaultProxy"/> and the server killed (SIGKILL) and restarted half-way; then a report of
/// what was accepted, released, delivered, lost, stuck, sent twice under new ids, and how late releases were.
/// </summary>
internal sealed class Soak(BenchOptions options)
{
    private const int Subscribers = 30;
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(5);
    private readonly List<Submitted> submitted = [];
    private int retried;

    private enum Plan
    {
        Release,
        RetractWhileHeld,
        AmendAfterRelease,
        CancelAfterRelease,
    }

    private sealed record Submitted(string ReportId, string IncidentId, DateTimeOffset HoldUntil, Plan Plan);

    public async Task<int> RunAsync()
    {
        Console.WriteLine($"soak: {options.SoakDuration.TotalMinutes:0.#} min, {options.SoakRate:0.##} reports/s, {options.SoakFaults:P1} storage faults, a restart half-way; output in {options.OutDir}");
        Console.WriteLine(Machine.AtStart);
        using var azurite = AzuriteProcess.Start(AzuriteMode.Disk, Path.Combine(options.OutDir, "azurite"));
        var storage = Workload.Storage(azurite.ConnectionString);
        await Workload.CreateTablesAndQueuesAsync(storage);
        await using var receiver = await WebhookReceiver.StartAsync();
        await Workload.AddSubscribersAsync(storage, Subscribers, i => Workload.Webhook(new Uri(receiver.BaseUrl, $"s/{i}"), i));
        await using var proxy = await StorageFaultProxy.StartAsync(azurite.ConnectionString);
        proxy.Rules =
        [
            new(StorageFault.FailBefore, options.SoakFaults / 2, StorageFaultRule.Any),
            new(StorageFault.ResetAfter, options.SoakFaults / 2, StorageFaultRule.Any),
        ];
        var settings = new Dictionary<string, string>
        {
            ["Hold:Override"] = Hold.ToString("c", CultureInfo.InvariantCulture),
            ["Delivery:AttemptTimeout"] = "00:00:05",
            ["Retry:Schedule:0"] = "00:00:02",
            ["Retry:Schedule:1"] = "00:00:05",
            ["Retry:Schedule:2"] = "00:00:15",
            ["Retry:Schedule:3"] = "00:01:00",
        };

        using var http = Workload.NewClient();
        var server = await ServerProcess.StartAsync(proxy.ConnectionString, Path.Combine(options.OutDir, "soak-server-1.log"), settings);
        var clock = Stopwatch.StartNew();
        var restartAt = options.SoakDuration / 2;
        var restarted = false;
        var actions = new List<Task>();
        for (var i = 0; clock.Elapsed < options.SoakDuration; i++)
        {
            if (!restarted && clock.Elapsed >= restartAt)
            {
                restarted = true;
                Console.WriteLine($"soak: {clock.Elapsed.TotalMinutes:0.0} min, {submitted.Count} reports accepted; killing the server (SIGKILL) and starting another");
                server.Kill();
                await server.DisposeAsync();
                server = await ServerProcess.StartAsync(proxy.ConnectionString, Path.Combine(options.OutDir, "soak-server-2.log"), settings);
            }

            var plan = (i % 10) switch { 3 => Plan.RetractWhileHeld, 5 => Plan.AmendAfterRelease, 8 => Plan.CancelAfterRelease, _ => Plan.Release };
            var reportId = Workload.NewReportId("soak");
            var accepted = await UntilAcceptedAsync(http, () => server.BaseAddress, reportId);
            var entry = new Submitted(reportId, accepted.IncidentId, accepted.HoldUntil, plan);
            submitted.Add(entry);
            actions.Add(Task.Run(() => ActAsync(http, () => server.BaseAddress, entry)));
            var pause = TimeSpan.FromSeconds(1 / options.SoakRate) - TimeSpan.FromMilliseconds(clock.Elapsed.TotalMilliseconds % (1000 / options.SoakRate));
            await Task.Delay(pause > TimeSpan.Zero ? pause : TimeSpan.Zero);
        }

        Console.WriteLine($"soak: intake stopped after {clock.Elapsed.TotalMinutes:0.0} min; {submitted.Count} reports accepted ({retried} sent again after a 5xx or a lost answer); waiting for the pipeline to settle");
        await Task.WhenAll(actions);
        var report = await SettleAsync(storage, receiver, TimeSpan.FromMinutes(5));
        proxy.Rules = [];
        await server.DisposeAsync();
        report = report.Replace("{faults}", string.Join(", ", proxy.Injected.Select(kv => $"{kv.Key} {kv.Value}")), StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(options.OutDir, "soak.md"), report);
        Console.WriteLine(report);
        return report.Contains("PROBLEM", StringComparison.Ordinal) ? 1 : 0;
    }

    /// <summary>Sends a report until it is accepted: a 5xx or a lost answer may mean it was stored, and the same report again is safe.</summary>
    private async Task<Workload.Accepted> UntilAcceptedAsync(HttpClient http, Func<Uri> server, string reportId)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Workload.SubmitAsync(http, server(), reportId);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException && attempt < 60)
            {
                Interlocked.Increment(ref retried);
                await Task.Delay(500);
            }
        }
    }

    /// <summary>The analyst's part: retract during the hold, or amend / cancel once released.</summary>
    private async Task ActAsync(HttpClient http, Func<Uri> server, Submitted entry)
    {
        switch (entry.Plan)
        {
            case Plan.RetractWhileHeld:
                await DecideAsync(http, server, HttpMethod.Post, $"api/incidents/{entry.IncidentId}/retract", """{"reason":"soak: false report"}""", null);
                break;
            case Plan.AmendAfterRelease or Plan.CancelAfterRelease:
                await Task.Delay(entry.HoldUntil - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3));
                if (entry.Plan == Plan.CancelAfterRelease)
                {
                    await DecideAsync(http, server, HttpMethod.Post, $"api/incidents/{entry.IncidentId}/retract", """{"reason":"soak: cancelled"}""", null);
                }
                else
                {
                    await DecideAsync(http, server, HttpMethod.Patch, $"api/incidents/{entry.IncidentId}", """{"summary":"Soak: amended after release."}""", entry.IncidentId);
                }

                break;
        }
    }

    /// <summary>Posts a decision until the service answers it (not 5xx); an amendment reads the ETag first.</summary>
    private async Task DecideAsync(HttpClient http, Func<Uri> server, HttpMethod method, string path, string json, string? ifMatchOf)
    {
        for (var attempt = 1; attempt <= 60; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(method, new Uri(server(), path))
                {
                    Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue(method == HttpMethod.Patch ? "application/merge-patch+json" : "application/json")),
                };
                request.Headers.Add("X-Api-Key", ServerProcess.AdminKey);
                if (ifMatchOf is not null)
                {
                    using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(server(), $"api/incidents/{ifMatchOf}"));
                    get.Headers.Add("X-Api-Key", ServerProcess.AdminKey);
                    using var current = await http.SendAsync(get);
                    request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag?.ToString());
                }

                using var response = await http.SendAsync(request);
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.PreconditionFailed)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Waits until every incident and delivery has reached a final state (or the limit), then tells what happened.</summary>
    private async Task<string> SettleAsync(StorageConnection storage, WebhookReceiver receiver, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var (incidents, deliveries) = await ReadAsync(storage);
        while (DateTime.UtcNow < deadline && (Unsettled(incidents) > 0 || deliveries.Any(d => !Final(d.GetString("Status")))))
        {
            await Task.Delay(2000);
            (incidents, deliveries) = await ReadAsync(storage);
        }

        var byId = incidents.Where(r => r.RowKey == IncidentRows.Incident).ToDictionary(r => r.PartitionKey);
        var lost = submitted.Count(s => !byId.ContainsKey(s.IncidentId) || !incidents.Any(r => r.PartitionKey == s.IncidentId && r.RowKey.EndsWith("|" + s.ReportId, StringComparison.Ordinal)));
        var unreleased = submitted.Count(s => byId.TryGetValue(s.IncidentId, out var i) && i.GetString("Status") is "Held" or "Contested");
        var releasedTwice = byId.Keys.Count(id => incidents.Count(r => r.PartitionKey == id && r.GetString("Action") == "released") > 1);
        var stuck = deliveries.Count(d => !Final(d.GetString("Status")));
        var arrivals = receiver.Requests.Select(r => (Id: r.Headers["webhook-id"], r.Path, Type: JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()!, Incident: JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("incidentId").GetString()!)).ToList();
        var newIds = arrivals.GroupBy(a => (a.Incident, a.Type, a.Path)).Count(g => g.Select(a => a.Id).Distinct().Count() > 1);
        var repeats = arrivals.Count - arrivals.Select(a => a.Id).Distinct().Count();
        var cancelled = byId.Values.Where(i => i.GetString("Status") == "Cancelled").Select(i => i.PartitionKey).ToHashSet();
        var missingCancels = arrivals.Where(a => cancelled.Contains(a.Incident) && a.Type is "incident.alert" or "incident.update").Select(a => (a.Incident, a.Path)).Distinct()
            .Count(told => !arrivals.Any(a => a.Incident == told.Incident && a.Path == told.Path && a.Type == "incident.cancel"));
        var lateness = byId.Values
            .Where(i => i.GetDateTimeOffset("ReleasedAt") is not null && incidents.Any(r => r.PartitionKey == i.PartitionKey && r.GetString("Action") == "released" && r.GetString("Actor") == "system:alerts"))
            .Select(i => (i.GetDateTimeOffset("ReleasedAt")!.Value - i.GetDateTimeOffset("HoldUntil")!.Value).TotalMilliseconds)
            .Order()
            .ToList();
        string Percentile(double p) => lateness.Count == 0 ? "–" : $"{lateness[Math.Min(lateness.Count - 1, (int)(p * lateness.Count))]:N0} ms";
        string Check(string name, int value) => $"| {name} | {value} |{(value == 0 ? string.Empty : " PROBLEM")}";

        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"## Soak, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"{options.SoakDuration.TotalMinutes:0.#} min at {options.SoakRate:0.##} reports/s, {options.SoakFaults:P1} of storage requests failed (half before storage, half with the answer lost), the server killed (SIGKILL) and restarted half-way; {Subscribers} webhook subscribers; holds {Hold.TotalSeconds:0} s.");
        s.AppendLine(Machine.AtStart);
        s.AppendLine("faults injected: {faults}");
        s.AppendLine();
        s.AppendLine("| | |");
        s.AppendLine("|---|---|");
        s.AppendLine(CultureInfo.InvariantCulture, $"| reports accepted (202) | {submitted.Count} ({retried} sent again after a 5xx or a lost answer) |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| incidents released by their hold | {lateness.Count} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| incidents by status | {string.Join(", ", byId.Values.GroupBy(i => i.GetString("Status")).Select(g => $"{g.Key} {g.Count()}"))} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| deliveries by status | {string.Join(", ", deliveries.GroupBy(d => d.GetString("Status")).Select(g => $"{g.Key} {g.Count()}"))} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| webhook requests received | {arrivals.Count} ({repeats} repeats under the same webhook-id) |");
        s.AppendLine(Check("accepted reports lost", lost));
        s.AppendLine(Check("incidents never released", unreleased));
        s.AppendLine(Check("incidents released twice", releasedTwice));
        s.AppendLine(Check("deliveries stuck (not final)", stuck));
        s.AppendLine(Check("notices sent under a second webhook-id", newIds));
        s.AppendLine(Check("subscribers told of a cancelled incident without the cancellation", missingCancels));
        s.AppendLine(CultureInfo.InvariantCulture, $"| release lateness (holdUntil → released) | p50 {Percentile(0.5)}, p99 {Percentile(0.99)}, max {Percentile(1)} |");
        return s.ToString();
    }

    private int Unsettled(List<TableEntity> incidents) =>
        incidents.Count(r => r.RowKey == IncidentRows.Incident && (r.GetString("Status") is "Held" or "Contested" || r.GetBoolean("FanoutDone") == false || r.GetBoolean("FanoutPending") == true));

    private static bool Final(string? status) => status is "Delivered" or "Failed" or "Withdrawn" or "Attempted";

    private static async Task<(List<TableEntity> Incidents, List<TableEntity> Deliveries)> ReadAsync(StorageConnection storage)
    {
        var incidents = new List<TableEntity>();
        await foreach (var row in storage.Table(TableNames.Incidents).QueryAsync<TableEntity>())
        {
            incidents.Add(row);
        }

        var deliveries = new List<TableEntity>();
        await foreach (var row in storage.Table(TableNames.Deliveries).QueryAsync<TableEntity>(select: ["Status", "IncidentId"]))
        {
            deliveries.Add(row);
        }

        return (incidents, deliveries);
    }
}
