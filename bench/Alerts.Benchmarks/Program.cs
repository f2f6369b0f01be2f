using System.Diagnostics;
using System.Globalization;
using Alerts.Benchmarks;

// The Alerts benchmark (issue 5). Run: scripts/bench.sh [--quick] [--modes memory,disk] [--only intake,precision,fanout,email,two]
//   [--runs N] [--intake-runs N] [--intake-warmup S] [--intake-seconds S] [--sizes 100,1000,10000] [--out DIR]
// It starts a fresh Azurite per scenario, the Release server as separate process(es), a webhook receiver and an SMTP sink.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
Directory.CreateDirectory(options.OutDir);
if (options.Soak)
{
    return await new Soak(options).RunAsync();
}

var results = new Results(options);
var total = Stopwatch.StartNew();
Console.WriteLine($"Alerts benchmark: {(options.Quick ? "quick" : "full")} run, Azurite {string.Join(", ", options.Modes)}; output in {options.OutDir}");
Console.WriteLine(Machine.AtStart);

foreach (var mode in options.Modes)
{
    var scenarios = new Scenarios(options, mode, results);
    if (options.Runs("intake"))
    {
        await scenarios.IntakeAsync();
    }

    if (options.Runs("precision"))
    {
        await scenarios.PrecisionAsync();
    }

    if (options.Runs("fanout"))
    {
        await scenarios.FanoutAsync(instances: 1, options.Sizes);
    }

    if (options.Runs("rates"))
    {
        await scenarios.StorageRatesAsync();
    }

    if (options.Runs("email"))
    {
        await scenarios.EmailAsync();
    }

    if (options.Runs("two"))
    {
        await scenarios.TwoInstanceIntakeAsync();
        await scenarios.FanoutAsync(instances: 2, options.TwoInstanceSizes);
    }
}

var markdown = results.ToMarkdown(total.Elapsed);
await File.WriteAllTextAsync(Path.Combine(options.OutDir, "results.md"), markdown);
Console.WriteLine();
Console.WriteLine(markdown);
Console.WriteLine($"bench: finished in {total.Elapsed.TotalSeconds:N0} s; {results.Problems.Count} problem(s); results in {Path.Combine(options.OutDir, "results.md")}");
return results.Problems.Count == 0 ? 0 : 1;
