using System.Globalization;
using System.Text;
using static Alerts.Benchmarks.Stats;

namespace Alerts.Benchmarks;

internal sealed record IntakeRow(AzuriteMode Mode, int Instances, int Clients, string Kind, double Rate, double P50, double P99, int Errors, double AzuriteCpuMsPerOp, double ServerCpuMsPerOp, double ClientCpuMsPerOp, string Load);

internal sealed record PrecisionRow(AzuriteMode Mode, IReadOnlyList<double> FirstDeliveryMs, IReadOnlyList<double> ReleaseLatenessMs, double ColdMs, string Load);

internal sealed record FanoutRow(AzuriteMode Mode, int Instances, int N, double FirstMs, double AllReceivedMs, double AllRecordedMs, double PeakRssMb, double SampledRssMb, int Recorded, int Duplicates, long BadSignatures, double AzuriteCpuPct, double ServerCpuPct, string Load);

internal sealed record StorageFloorRow(AzuriteMode Mode, int N, double ReadMs, double TotalMs, double AzuriteCpuMs, string Load);

internal sealed record RateRow(AzuriteMode Mode, string Shape, int TableRows, double EntitiesPerSecond, double AzuriteCpuMsPerEntity);

internal sealed record EmailRow(AzuriteMode Mode, int Recipients, double PerSecond, double AllMs, string Load);

internal sealed class Results(BenchOptions options)
{
    public List<IntakeRow> Intake { get; } = [];

    public List<PrecisionRow> Precision { get; } = [];

    public List<FanoutRow> Fanout { get; } = [];

    public List<EmailRow> Email { get; } = [];

    public List<StorageFloorRow> Floors { get; } = [];

    public List<RateRow> Rates { get; } = [];

    public List<string> Problems { get; } = [];

    public void Problem(string text)
    {
        Problems.Add(text);
        Console.WriteLine("PROBLEM: " + text);
    }

    public string ToMarkdown(TimeSpan elapsed)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"# Benchmark results ({(options.Quick ? "quick" : "full")} run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {elapsed.TotalMinutes:N1} min)");
        s.AppendLine();
        s.AppendLine(Machine.AtStart);
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"server: {ServerProcess.Dll}{(ServerProcess.ExtraSettings.Count == 0 ? string.Empty : " with " + string.Join(' ', ServerProcess.ExtraSettings.Select(kv => $"--{kv.Key}={kv.Value}")))}{(ServerProcess.ExtraEnvironment.Count == 0 ? string.Empty : " env " + string.Join(' ', ServerProcess.ExtraEnvironment.Select(kv => $"{kv.Key}={kv.Value}")))}; load average at end {Machine.Load()}");
        s.AppendLine();
        s.AppendLine("Cells with several runs read `median (min–max)`. Times are from `holdUntil` (the 202's value) unless said otherwise.");

        if (Intake.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("## Intake (POST /api/incidents, each report new; 202 = stored and release queued)");
            s.AppendLine();
            s.AppendLine("| Azurite | instances | clients | Alerts reports/s | p50 ms | p99 ms | direct storage ops/s (ceiling) | Alerts % of ceiling | Azurite CPU ms/report (Alerts / direct) | server CPU ms/report (direct client's) | errors |");
            s.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var g in Intake.Where(r => r.Kind == "alerts").GroupBy(r => (r.Mode, r.Instances, r.Clients)))
            {
                var ours = g.ToList();
                var direct = Intake.Where(r => r.Kind == "direct" && r.Mode == g.Key.Mode && r.Clients == g.Key.Clients).ToList();
                var pct = direct.Count == 0 ? double.NaN : 100 * Median(ours.Select(r => r.Rate).ToList()) / Median(direct.Select(r => r.Rate).ToList());
                s.AppendLine(CultureInfo.InvariantCulture,
                    $"| {g.Key.Mode} | {g.Key.Instances} | {g.Key.Clients} | {Spread(ours.Select(r => r.Rate).ToList())} | {Spread(ours.Select(r => r.P50).ToList(), 1)} | {Spread(ours.Select(r => r.P99).ToList(), 1)} | " +
                    $"{Spread(direct.Select(r => r.Rate).ToList())} | {F(pct)} % | {F(Median(ours.Select(r => r.AzuriteCpuMsPerOp).ToList()), 2)} / {F(Median(direct.Select(r => r.AzuriteCpuMsPerOp).ToList()), 2)} | " +
                    $"{F(Median(ours.Select(r => r.ServerCpuMsPerOp).ToList()), 2)} ({F(Median(direct.Select(r => r.ClientCpuMsPerOp).ToList()), 2)}) | {ours.Sum(r => r.Errors)} |");
            }

            s.AppendLine();
            s.AppendLine("Direct = the same storage operations one new report costs (one transaction in the intake index: claim + 2 area rows; one 4-entity transaction; one queue send: 3 round trips) from a minimal Azure SDK client at the same concurrency, direct p99 ms: " +
                string.Join(", ", Intake.Where(r => r.Kind == "direct").GroupBy(r => (r.Mode, r.Clients)).Select(g => $"{g.Key.Mode}/{g.Key.Clients}: {Spread(g.Select(r => r.P99).ToList(), 1)}")));
        }

        if (Precision.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("## Release precision (holdUntil → first webhook delivery)");
            s.AppendLine();
            s.AppendLine("| Azurite | incidents | p50 ms | p99 ms | max ms | release lateness (server log) p50 / p99 ms | cold: first release after start, ms | load |");
            s.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var r in Precision)
            {
                s.AppendLine(CultureInfo.InvariantCulture,
                    $"| {r.Mode} | {r.FirstDeliveryMs.Count} | {F(Percentile(r.FirstDeliveryMs, 50))} | {F(Percentile(r.FirstDeliveryMs, 99))} | {F(r.FirstDeliveryMs.DefaultIfEmpty(double.NaN).Max())} | " +
                    $"{F(Percentile(r.ReleaseLatenessMs, 50))} / {F(Percentile(r.ReleaseLatenessMs, 99))} | {F(r.ColdMs)} | {r.Load} |");
            }
        }

        if (Fanout.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("## Fan-out (holdUntil → all N webhook subscribers have it; every delivery recorded)");
            s.AppendLine();
            s.AppendLine("| Azurite | instances | N | runs | first ms | all received ms | all recorded ms | peak RSS MB (VmHWM) | Azurite CPU % | server CPU % | recorded = N | dup. | bad sig. |");
            s.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var g in Fanout.GroupBy(r => (r.Mode, r.Instances, r.N)))
            {
                var rows = g.ToList();
                s.AppendLine(CultureInfo.InvariantCulture,
                    $"| {g.Key.Mode} | {g.Key.Instances} | {g.Key.N:N0} | {rows.Count} | {Spread(rows.Select(r => r.FirstMs).ToList())} | {Spread(rows.Select(r => r.AllReceivedMs).ToList())} | {Spread(rows.Select(r => r.AllRecordedMs).ToList())} | " +
                    $"{Spread(rows.Select(r => r.PeakRssMb).ToList())} | {F(Median(rows.Select(r => r.AzuriteCpuPct).ToList()))} | {F(Median(rows.Select(r => r.ServerCpuPct).ToList()))} | " +
                    $"{(rows.All(r => r.Recorded == r.N) ? "yes" : "NO: " + string.Join(",", rows.Select(r => r.Recorded)))} | {rows.Sum(r => r.Duplicates)} | {rows.Sum(r => r.BadSignatures)} |");
            }

            s.AppendLine();
            s.AppendLine("CPU % = CPU time over the interval holdUntil → all recorded, 100 % = one core; with two instances, both servers summed.");
            if (Floors.Count > 0)
            {
                s.AppendLine();
                s.AppendLine("Storage floor of a fan-out: the storage work it cannot avoid (page reads; one claimed record created and one outcome written per recipient, in 100-entity transactions, 8 at a time), issued directly on the same Azurite after the runs:");
                s.AppendLine();
                s.AppendLine("| Azurite | N | page reads ms | total ms | Azurite CPU ms | entity writes/s |");
                s.AppendLine("|---|---|---|---|---|---|");
                foreach (var f in Floors)
                {
                    s.AppendLine(CultureInfo.InvariantCulture, $"| {f.Mode} | {f.N:N0} | {F(f.ReadMs)} | {F(f.TotalMs)} | {F(f.AzuriteCpuMs)} | {F(2 * f.N / ((f.TotalMs - f.ReadMs) / 1000))} |");
                }
            }
        }

        if (Email.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("## Email (SMTP to a local server, Security none, one connection per message)");
            s.AppendLine();
            s.AppendLine("| Azurite | recipients | runs | messages/s (first → last arrival) | holdUntil → all ms |");
            s.AppendLine("|---|---|---|---|---|");
            foreach (var g in Email.GroupBy(r => (r.Mode, r.Recipients)))
            {
                s.AppendLine(CultureInfo.InvariantCulture,
                    $"| {g.Key.Mode} | {g.Key.Recipients} | {g.Count()} | {Spread(g.Select(r => r.PerSecond).ToList())} | {Spread(g.Select(r => r.AllMs).ToList())} |");
            }
        }

        if (Rates.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("## Azurite's own rate: 2,000 entities in 100-entity Add transactions, 4 at a time, fresh instance");
            s.AppendLine();
            s.AppendLine("| Azurite | rows | table rows before | entities/s | Azurite CPU ms/entity |");
            s.AppendLine("|---|---|---|---|---|");
            foreach (var r in Rates)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"| {r.Mode} | {r.Shape} | {r.TableRows:N0} | {F(r.EntitiesPerSecond)} | {F(r.AzuriteCpuMsPerEntity, 3)} |");
            }
        }

        if (Problems.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("## Problems");
            s.AppendLine();
            foreach (var p in Problems)
            {
                s.AppendLine("- " + p);
            }
        }

        return s.ToString();
    }
}
