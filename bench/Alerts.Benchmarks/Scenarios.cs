using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline;
using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Benchmarks;

/// <summary>The measurements, each on a fresh Azurite (so no scenario inherits another's queue backlog).</summary>
internal sealed partial class Scenarios(BenchOptions options, AzuriteMode mode, Results results)
{
    private static readonly double TicksPerMs = 100 / 1000.0; // /proc clock ticks are 1/100 s on Linux
    private int serverLogs;

    private string Scratch => options.OutDir;

    // ---------------------------------------------------------------- intake

    public async Task IntakeAsync()
    {
        foreach (var clients in options.IntakeClients)
        {
            for (var run = 1; run <= options.IntakeRuns; run++)
            {
                await IntakeOnceAsync(instances: 1, clients, run);
                await DirectOnceAsync(clients, run);
            }
        }
    }

    public async Task TwoInstanceIntakeAsync()
    {
        var clients = options.IntakeClients.Max();
        for (var run = 1; run <= options.IntakeRuns; run++)
        {
            await IntakeOnceAsync(instances: 2, clients, run);
            if (!results.Intake.Any(r => r.Kind == "direct" && r.Mode == mode && r.Clients == clients))
            {
                await DirectOnceAsync(clients, run);
            }
        }
    }

    private async Task IntakeOnceAsync(int instances, int clients, int run)
    {
        using var azurite = AzuriteProcess.Start(mode, Scratch);
        var servers = await StartServersAsync(azurite, instances, new Dictionary<string, string>());
        try
        {
            using var http = Workload.NewClient();
            var load = await DriveAsync(clients, (worker, reportId, ct) =>
                Workload.SubmitAsync(http, servers[worker % servers.Count].BaseAddress, reportId, ct), azurite.Pid, servers.Select(s => s.Pid).ToList());

            // Durable at 202: every accepted report has its incident row and its release message.
            var storage = Workload.Storage(azurite.ConnectionString);
            var incidents = await Workload.CountIncidentsAsync(storage);
            var queued = (await storage.Queue(PipelineStages.ReleaseQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount;
            if (incidents != load.Completed || queued != load.Completed)
            {
                results.Problem($"intake {mode}/{instances}x/{clients} run {run}: {load.Completed} accepted, but {incidents} incident rows and {queued} release messages");
            }

            results.Intake.Add(new IntakeRow(mode, instances, clients, "alerts", load.Rate, load.P50, load.P99, load.Errors, load.AzuriteCpuMsPerOp, load.ServerCpuMsPerOp, load.ClientCpuMsPerOp, Machine.Load()));
            Console.WriteLine($"intake   {mode,-6} {instances}x c={clients,-2} run {run}: {load.Rate,7:N0}/s p50 {load.P50,6:N1} ms p99 {load.P99,6:N1} ms, errors {load.Errors}, Azurite {load.AzuriteCpuMsPerOp:N2} ms CPU/report, server {load.ServerCpuMsPerOp:N2} ms CPU/report");
        }
        finally
        {
            await StopAsync(servers);
        }
    }

    private async Task DirectOnceAsync(int clients, int run)
    {
        using var azurite = AzuriteProcess.Start(mode, Scratch);
        var storage = Workload.Storage(azurite.ConnectionString);
        await Workload.CreateTablesAndQueuesAsync(storage);
        var direct = new DirectIntake(storage);
        var load = await DriveAsync(clients, (_, reportId, ct) => direct.SubmitAsync(reportId, ct), azurite.Pid, []);
        results.Intake.Add(new IntakeRow(mode, 1, clients, "direct", load.Rate, load.P50, load.P99, load.Errors, load.AzuriteCpuMsPerOp, double.NaN, load.ClientCpuMsPerOp, Machine.Load()));
        Console.WriteLine($"direct   {mode,-6}    c={clients,-2} run {run}: {load.Rate,7:N0}/s p50 {load.P50,6:N1} ms p99 {load.P99,6:N1} ms, errors {load.Errors}, Azurite {load.AzuriteCpuMsPerOp:N2} ms CPU/op-set, client (Azure SDK) {load.ClientCpuMsPerOp:N2} ms CPU/op-set");
    }

    private sealed record Load(int Completed, double Rate, double P50, double P99, int Errors, double AzuriteCpuMsPerOp, double ServerCpuMsPerOp, double ClientCpuMsPerOp);

    /// <summary>Closed loop: <paramref name="clients"/> workers each submit new reports back to back; warm-up, then a measured window.</summary>
    private async Task<Load> DriveAsync(int clients, Func<int, string, CancellationToken, Task> submit, int azuritePid, IReadOnlyList<int> serverPids)
    {
        var latencies = new ConcurrentBag<double>();
        int completed = 0, errors = 0, inWindow = 0;
        var measuring = 0;
        var windowStart = 0L;
        var windowEnd = long.MaxValue;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await submit(worker, Workload.NewReportId("r"), CancellationToken.None);
                    Interlocked.Increment(ref completed);
                    var ended = Stopwatch.GetTimestamp();
                    if (Volatile.Read(ref measuring) == 1 && started >= Interlocked.Read(ref windowStart) && ended <= Interlocked.Read(ref windowEnd))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds);
                        Interlocked.Increment(ref inWindow);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    if (Interlocked.Increment(ref errors) <= 3)
                    {
                        Console.WriteLine("  request failed: " + e.Message);
                    }
                }
            }
        })).ToList();

        await Task.Delay(options.IntakeWarmup);
        var azuriteCpu = ProcStatus.CpuTicks(azuritePid);
        var serverCpu = serverPids.Sum(ProcStatus.CpuTicks);
        var clientCpu = ProcStatus.CpuTicks(Environment.ProcessId);
        Interlocked.Exchange(ref windowStart, Stopwatch.GetTimestamp());
        Volatile.Write(ref measuring, 1);
        await Task.Delay(options.IntakeDuration);
        Interlocked.Exchange(ref windowEnd, Stopwatch.GetTimestamp());
        var seconds = Stopwatch.GetElapsedTime(Interlocked.Read(ref windowStart), Interlocked.Read(ref windowEnd)).TotalSeconds;
        azuriteCpu = ProcStatus.CpuTicks(azuritePid) - azuriteCpu;
        serverCpu = serverPids.Sum(ProcStatus.CpuTicks) - serverCpu;
        clientCpu = ProcStatus.CpuTicks(Environment.ProcessId) - clientCpu;
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var list = latencies.ToList();
        var ops = Math.Max(1, inWindow);
        return new Load(completed, inWindow / seconds, Stats.Percentile(list, 50), Stats.Percentile(list, 99), errors,
            azuriteCpu / TicksPerMs / ops, serverPids.Count == 0 ? double.NaN : serverCpu / TicksPerMs / ops, clientCpu / TicksPerMs / ops);
    }

    // ---------------------------------------------------------------- release precision

    public async Task PrecisionAsync()
    {
        using var azurite = AzuriteProcess.Start(mode, Scratch);
        await using var sink = await StartWebhookSinkAsync();
        var servers = await StartServersAsync(azurite, 1, new Dictionary<string, string> { ["Hold:Override"] = options.PrecisionHold.ToString() });
        try
        {
            var storage = Workload.Storage(azurite.ConnectionString);
            await Workload.AddSubscribersAsync(storage, 3, i => Workload.Webhook(WebhookUrl(sink), i), s => sink.Audit.Trust(s.Id, s.Secrets[0].Secret));
            using var http = Workload.NewClient();

            // The first release after start runs cold (JIT, first connections); it is reported apart, not in the percentiles.
            var warm = await Workload.SubmitAsync(http, servers[0].BaseAddress, Workload.NewReportId("w"));
            var warmArrivals = sink.Audit.ArrivalsOf(warm.IncidentId);
            await warmArrivals.WaitForAsync(3, TimeSpan.FromSeconds(60));
            var coldMs = ((warmArrivals.First ?? DateTimeOffset.UtcNow) - warm.HoldUntil).TotalMilliseconds;
            await Task.Delay(TimeSpan.FromSeconds(options.PrecisionSpacingSeconds.Max));
            var accepted = new List<Workload.Accepted>();
            var random = new Random(5);
            for (var i = 0; i < options.PrecisionIncidents; i++)
            {
                accepted.Add(await Workload.SubmitAsync(http, servers[0].BaseAddress, Workload.NewReportId("p")));
                var (min, max) = options.PrecisionSpacingSeconds;
                await Task.Delay(TimeSpan.FromSeconds(min + (random.NextDouble() * (max - min))));
            }

            var firsts = new List<double>();
            foreach (var a in accepted)
            {
                var arrivals = sink.Audit.ArrivalsOf(a.IncidentId);
                if (!await arrivals.WaitForAsync(3, TimeSpan.FromSeconds(60)))
                {
                    results.Problem($"precision {mode}: incident {a.IncidentId} reached {arrivals.Distinct} of 3 subscribers in time");
                    continue;
                }

                firsts.Add((arrivals.First!.Value - a.HoldUntil).TotalMilliseconds);
            }

            await StopAsync(servers);
            var lateness = ReleaseLateness(servers[0]).Skip(1).ToList();
            results.Precision.Add(new PrecisionRow(mode, firsts, lateness, coldMs, Machine.Load()));
            Console.WriteLine($"precision {mode,-6}: {firsts.Count} incidents, first delivery p50 {Stats.Percentile(firsts, 50):N0} ms p99 {Stats.Percentile(firsts, 99):N0} ms max {firsts.DefaultIfEmpty(double.NaN).Max():N0} ms; " +
                              $"release lateness p50 {Stats.Percentile(lateness, 50):N0} ms p99 {Stats.Percentile(lateness, 99):N0} ms; cold first release {coldMs:N0} ms");
        }
        finally
        {
            await StopAsync(servers);
        }
    }

    [GeneratedRegex(@"Released incident \S+, (\d\d:\d\d:\d\d(\.\d+)?) after its hold ended")]
    private static partial Regex ReleasedLine();

    private List<double> ReleaseLateness(ServerProcess server) =>
        File.ReadLines(server.LogPath)
            .Select(l => ReleasedLine().Match(l))
            .Where(m => m.Success)
            .Select(m => TimeSpan.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture).TotalMilliseconds)
            .ToList();

    // ---------------------------------------------------------------- fan-out

    public async Task FanoutAsync(int instances, IReadOnlyList<int> sizes)
    {
        foreach (var n in sizes)
        {
            using var azurite = AzuriteProcess.Start(mode, Scratch);
            await using var sink = await StartWebhookSinkAsync();
            var servers = await StartServersAsync(azurite, instances, new Dictionary<string, string> { ["Hold:Override"] = options.FanoutHold.ToString() });
            try
            {
                var storage = Workload.Storage(azurite.ConnectionString);
                var seeding = Stopwatch.StartNew();
                await Workload.AddSubscribersAsync(storage, n, i => Workload.Webhook(WebhookUrl(sink), i), s => sink.Audit.Trust(s.Id, s.Secrets[0].Secret));
                Console.WriteLine($"fan-out  {mode,-6} {instances}x N={n}: {n} webhook subscribers created in {seeding.Elapsed.TotalSeconds:N1} s");
                using var http = Workload.NewClient();
                for (var run = 1; run <= options.FanoutRuns; run++)
                {
                    await FanoutOnceAsync(instances, n, run, servers, sink, storage, azurite, http);
                }

                if (instances == 1)
                {
                    await StorageFloorAsync(n, storage, azurite);
                }
            }
            finally
            {
                await StopAsync(servers);
            }
        }
    }

    private async Task FanoutOnceAsync(int instances, int n, int run, IReadOnlyList<ServerProcess> servers, WebhookReceiver sink, StorageConnection storage, AzuriteProcess azurite, HttpClient http)
    {
        foreach (var s in servers)
        {
            s.ResetPeakRss();
        }

        await using var sampler = new RssSampler(servers);
        var accepted = await Workload.SubmitAsync(http, servers[run % servers.Count].BaseAddress, Workload.NewReportId("f"));
        var wait = accepted.HoldUntil - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var azuriteCpu = ProcStatus.CpuTicks(azurite.Pid);
        var serverCpu = servers.Sum(s => ProcStatus.CpuTicks(s.Pid));
        var arrivals = sink.Audit.ArrivalsOf(accepted.IncidentId);
        var timeout = TimeSpan.FromSeconds(30 + (n / 100));
        if (!await arrivals.WaitForAsync(n, timeout))
        {
            results.Problem($"fan-out {mode}/{instances}x N={n} run {run}: only {arrivals.Distinct} of {n} arrived within {timeout.TotalSeconds:N0} s");
        }

        // Every delivery recorded: wait until all N rows say Delivered (outcomes are written right after the sends).
        var rows = await Workload.DeliveryRowsAsync(storage, accepted.IncidentId);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (rows.Delivered < n && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            rows = await Workload.DeliveryRowsAsync(storage, accepted.IncidentId);
        }

        var recordedAt = rows.LastWrite ?? DateTimeOffset.UtcNow;
        var intervalMs = Math.Max(1, (recordedAt - accepted.HoldUntil).TotalMilliseconds);
        azuriteCpu = ProcStatus.CpuTicks(azurite.Pid) - azuriteCpu;
        serverCpu = servers.Sum(s => ProcStatus.CpuTicks(s.Pid)) - serverCpu;
        var peak = servers.Max(s => s.PeakRssKb()) / 1024.0;
        if (rows.Delivered != n)
        {
            results.Problem($"fan-out {mode}/{instances}x N={n} run {run}: {rows.Delivered} of {n} delivery rows say Delivered ({rows.Total} rows)");
        }

        if (arrivals.Duplicates > 0 || sink.Audit.BadSignatures > 0 || sink.Audit.UnknownSubscribers > 0)
        {
            results.Problem($"fan-out {mode}/{instances}x N={n} run {run}: {arrivals.Duplicates} duplicates, {sink.Audit.BadSignatures} bad signatures, {sink.Audit.UnknownSubscribers} unknown subscribers");
        }

        var row = new FanoutRow(mode, instances, n,
            ((arrivals.First ?? DateTimeOffset.UtcNow) - accepted.HoldUntil).TotalMilliseconds,
            ((arrivals.Last ?? DateTimeOffset.UtcNow) - accepted.HoldUntil).TotalMilliseconds,
            (recordedAt - accepted.HoldUntil).TotalMilliseconds,
            peak, sampler.MaxKb / 1024.0, rows.Delivered, arrivals.Duplicates, sink.Audit.BadSignatures,
            100 * azuriteCpu / TicksPerMs / intervalMs, 100 * serverCpu / TicksPerMs / intervalMs, Machine.Load());
        results.Fanout.Add(row);
        Console.WriteLine($"fan-out  {mode,-6} {instances}x N={n} run {run}: first {row.FirstMs:N0} ms, all received {row.AllReceivedMs:N0} ms, all recorded {row.AllRecordedMs:N0} ms, " +
                          $"peak RSS {row.PeakRssMb:N0} MB (sampled {row.SampledRssMb:N0}), Azurite CPU {row.AzuriteCpuPct:N0} %, server CPU {row.ServerCpuPct:N0} %");
        await Task.Delay(500);
    }

    /// <summary>
    /// The storage work a fan-out to <paramref name="n"/> cannot avoid, issued directly through the same store classes on
    /// the same Azurite right after the fan-out runs: read the subscribers a page at a time, create one claimed delivery
    /// record per recipient (100-entity transactions per shard), write one outcome per recipient. No HTTP, no queues.
    /// </summary>
    private async Task StorageFloorAsync(int n, StorageConnection storage, AzuriteProcess azurite)
    {
        var subscribers = new SubscriberStore(storage);
        var deliveries = new DeliveryStore(storage);
        var incidentId = "inc-floor" + Guid.NewGuid().ToString("N")[..11];
        var cpu = ProcStatus.CpuTicks(azurite.Pid);
        var watch = Stopwatch.StartNew();
        var chunks = new List<(string Shard, Subscriber[] Recipients)>();
        string? after = null;
        while (true)
        {
            var page = await subscribers.PageAsync(after, 1000, CancellationToken.None);
            chunks.AddRange(page.GroupBy(s => SubscriberId.ShardOf(s.Id)).SelectMany(g => g.Chunk(100).Select(c => (g.Key, c))));
            if (page.Count < 1000)
            {
                break;
            }

            after = page[^1].Id;
        }

        var read = watch.Elapsed;
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, ct) =>
        {
            var now = DateTimeOffset.UtcNow;
            var token = DeliveryClaim.NewToken();
            var records = chunk.Recipients.Select(s => DeliveryClaim.Of(DeliveryRecord.New(new DeliveryKey(incidentId, 1, s.Id), "incident.alert", s, now), now, token)).ToList();
            var created = await deliveries.CreateAsync(records, ct);
            await deliveries.SaveAsync(created.Select(r => r with { Status = DeliveryStatus.Delivered, ClaimedUntil = null, DeliveredAt = now, LastCode = 204 }).ToList(), ct);
        });
        var total = watch.Elapsed;
        var azuriteMs = (ProcStatus.CpuTicks(azurite.Pid) - cpu) / TicksPerMs;
        results.Floors.Add(new StorageFloorRow(mode, n, read.TotalMilliseconds, total.TotalMilliseconds, azuriteMs, Machine.Load()));
        Console.WriteLine($"floor    {mode,-6} N={n}: storage only (page reads {read.TotalMilliseconds:N0} ms + {2 * n:N0} entity writes in {2 * chunks.Count} transactions) {total.TotalMilliseconds:N0} ms, Azurite CPU {azuriteMs:N0} ms");
    }

    /// <summary>
    /// Azurite's own rate for 100-entity transactions on a fresh instance, in blocks of 2,000 entities, for delivery-shaped
    /// rows (15 properties) and minimal rows (2 properties): shows what one entity write costs and whether it grows with the table.
    /// </summary>
    public async Task StorageRatesAsync()
    {
        using var azurite = AzuriteProcess.Start(mode, Scratch);
        var storage = Workload.Storage(azurite.ConnectionString);
        await Workload.CreateTablesAndQueuesAsync(storage);
        var table = storage.Table(TableNames.Deliveries);
        foreach (var (shape, wide) in new[] { ("delivery row, 15 properties", true), ("minimal row, 2 properties", false) })
        {
            for (var block = 0; block < 5; block++)
            {
                var incident = $"inc-rate-{shape[0]}-{block}";
                var cpu = ProcStatus.CpuTicks(azurite.Pid);
                var watch = Stopwatch.StartNew();
                await Parallel.ForEachAsync(Enumerable.Range(0, 20), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, ct) =>
                {
                    var now = DateTimeOffset.UtcNow;
                    var actions = Enumerable.Range(0, 100).Select(i =>
                    {
                        var e = new Azure.Data.Tables.TableEntity($"{incident}|000001|{chunk:D2}", $"sub-{chunk:D2}-{i:D16}") { ["Status"] = "Sending", ["AttemptsMade"] = 1 };
                        if (wide)
                        {
                            e["IncidentId"] = incident; e["Version"] = 1; e["NoticeType"] = "incident.alert"; e["Channel"] = "Webhook"; e["SubscriberName"] = "bench webhook " + i;
                            e["ScheduleStart"] = 0; e["LastCode"] = null; e["LastError"] = null; e["CreatedAt"] = now; e["LastAttemptAt"] = now; e["DeliveredAt"] = null;
                            e["NextAttemptAt"] = null; e["ClaimedUntil"] = now.AddMinutes(5);
                        }

                        return new Azure.Data.Tables.TableTransactionAction(Azure.Data.Tables.TableTransactionActionType.Add, e);
                    });
                    await table.SubmitTransactionAsync(actions, ct);
                });
                var ms = watch.Elapsed.TotalMilliseconds;
                var azuriteMs = (ProcStatus.CpuTicks(azurite.Pid) - cpu) / TicksPerMs;
                Console.WriteLine($"rates    {mode,-6} {shape}: block {block + 1} (table had {block * 2000 + (wide ? 0 : 10000):N0} rows): 2,000 entities in {ms:N0} ms = {2000 / (ms / 1000):N0}/s, Azurite CPU {azuriteMs / 2000:N3} ms/entity");
                results.Rates.Add(new RateRow(mode, shape, block * 2000 + (wide ? 0 : 10000), 2000 / (ms / 1000), azuriteMs / 2000));
            }
        }

        // Replacing existing rows, as an outcome write does: the emulator's in-memory index (LokiJS) finds an updated
        // document in each binary index by a linear scan, so this cost grows with the rows in the table.
        await UpdateBlockAsync("replace 2,000 rows, table of 20,000 rows", "inc-rate-d-0");
        for (var extra = 0; extra < 4; extra++)
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, ct) =>
                await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => new Azure.Data.Tables.TableTransactionAction(
                    Azure.Data.Tables.TableTransactionActionType.Add, new Azure.Data.Tables.TableEntity($"filler-{extra}|{chunk:D3}", $"r{i:D3}") { ["Status"] = "Delivered" })), ct));
        }

        await UpdateBlockAsync("replace 2,000 rows, table of 100,000 rows", "inc-rate-d-1");

        async Task UpdateBlockAsync(string shape, string incident)
        {
            var cpu = ProcStatus.CpuTicks(azurite.Pid);
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, 20), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, ct) =>
                await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => new Azure.Data.Tables.TableTransactionAction(
                    Azure.Data.Tables.TableTransactionActionType.UpdateReplace,
                    new Azure.Data.Tables.TableEntity($"{incident}|000001|{chunk:D2}", $"sub-{chunk:D2}-{i:D16}") { ["Status"] = "Delivered", ["AttemptsMade"] = 1, ["LastCode"] = 204 },
                    Azure.ETag.All)), ct));
            var ms = watch.Elapsed.TotalMilliseconds;
            var azuriteMs = (ProcStatus.CpuTicks(azurite.Pid) - cpu) / TicksPerMs;
            Console.WriteLine($"rates    {mode,-6} {shape}: {2000 / (ms / 1000):N0}/s, Azurite CPU {azuriteMs / 2000:N3} ms/entity");
            results.Rates.Add(new RateRow(mode, shape, shape.Contains("100,000", StringComparison.Ordinal) ? 100_000 : 20_000, 2000 / (ms / 1000), azuriteMs / 2000));
        }
    }

    // ---------------------------------------------------------------- email

    public async Task EmailAsync()
    {
        using var azurite = AzuriteProcess.Start(mode, Scratch);
        await using var smtp = await SmtpTestServer.StartAsync();
        var servers = await StartServersAsync(azurite, 1, new Dictionary<string, string>
        {
            ["Hold:Override"] = options.FanoutHold.ToString(),
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Security"] = "none",
            ["Logging:LogLevel:Alerts.Core.Delivery.Email"] = "Warning",
        });
        try
        {
            var storage = Workload.Storage(azurite.ConnectionString);
            var m = options.EmailRecipients;
            await Workload.AddSubscribersAsync(storage, m, Workload.Email);
            using var http = Workload.NewClient();
            for (var run = 1; run <= options.EmailRuns; run++)
            {
                var before = smtp.Messages.Count;
                var accepted = await Workload.SubmitAsync(http, servers[0].BaseAddress, Workload.NewReportId("e"));
                var deadline = DateTime.UtcNow + options.FanoutHold + TimeSpan.FromSeconds(60 + (m / 10));
                while (smtp.Messages.Count < before + m && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }

                var times = smtp.Messages.Skip(before).Select(message => message.ReceivedAt).ToList();
                if (times.Count < m)
                {
                    results.Problem($"email {mode} run {run}: {times.Count} of {m} messages arrived");
                }

                if (times.Count < 2)
                {
                    continue;
                }

                var rate = (times.Count - 1) / (times.Max() - times.Min()).TotalSeconds;
                var all = (times.Max() - accepted.HoldUntil).TotalMilliseconds;
                results.Email.Add(new EmailRow(mode, m, rate, all, Machine.Load()));
                Console.WriteLine($"email    {mode,-6} M={m} run {run}: {rate:N0} messages/s, all {all:N0} ms after holdUntil");
            }
        }
        finally
        {
            await StopAsync(servers);
        }
    }

    // ---------------------------------------------------------------- receivers

    /// <summary>The shared test receiver, answering 204; the benchmark reads only its audit, so it keeps no requests.</summary>
    private static async Task<WebhookReceiver> StartWebhookSinkAsync()
    {
        var sink = await WebhookReceiver.StartAsync();
        sink.KeepRequests = false;
        return sink;
    }

    private static Uri WebhookUrl(WebhookReceiver sink) => new(sink.BaseUrl, "alerts");

    // ---------------------------------------------------------------- processes

    private async Task<List<ServerProcess>> StartServersAsync(AzuriteProcess azurite, int count, IDictionary<string, string> settings)
    {
        var servers = new List<ServerProcess>();
        for (var i = 0; i < count; i++)
        {
            var log = Path.Combine(Scratch, $"server-{Interlocked.Increment(ref serverLogs):D3}-{mode.ToString().ToLowerInvariant()}.log");
            servers.Add(await ServerProcess.StartAsync(azurite.ConnectionString, log, settings));
        }

        return servers;
    }

    private static async Task StopAsync(IEnumerable<ServerProcess> servers)
    {
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }
    }
}
