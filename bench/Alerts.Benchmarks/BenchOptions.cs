using System.Globalization;

namespace Alerts.Benchmarks;

internal sealed class BenchOptions
{
    private static readonly string[] AllScenarios = ["intake", "precision", "fanout", "rates", "email", "two"];

    public bool Quick { get; private set; }

    public IReadOnlyList<AzuriteMode> Modes { get; private set; } = [AzuriteMode.Memory, AzuriteMode.Disk];

    public IReadOnlyList<string> Scenarios { get; private set; } = AllScenarios;

    public IReadOnlyList<int> IntakeClients { get; private set; } = [1, 8, 32];

    public int IntakeRuns { get; private set; } = 3;

    /// <summary>Long enough for the server's JIT to reach its optimised tiers under load on 2 cores (1 s was not: see BENCHMARKS.md).</summary>
    public TimeSpan IntakeWarmup { get; private set; } = TimeSpan.FromSeconds(5);

    public TimeSpan IntakeDuration { get; private set; } = TimeSpan.FromSeconds(5);

    public int PrecisionIncidents { get; private set; } = 24;

    public TimeSpan PrecisionHold { get; private set; } = TimeSpan.FromSeconds(2);

    /// <summary>Spacing between precision submissions: long enough that idle listeners back off fully in between.</summary>
    public (double Min, double Max) PrecisionSpacingSeconds { get; private set; } = (1.2, 2.6);

    public IReadOnlyList<int> Sizes { get; private set; } = [100, 1_000, 10_000];

    public IReadOnlyList<int> TwoInstanceSizes { get; private set; } = [1_000, 10_000];

    public int FanoutRuns { get; private set; } = 5;

    public TimeSpan FanoutHold { get; private set; } = TimeSpan.FromSeconds(2);

    public int EmailRecipients { get; private set; } = 200;

    public int EmailRuns { get; private set; } = 3;

    public string OutDir { get; private set; } = Path.Combine(Repo.Root, ".local", "bench", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));

    /// <summary>Run the soak (scripts/soak.sh) instead of the benchmark.</summary>
    public bool Soak { get; private set; }

    public TimeSpan SoakDuration { get; private set; } = TimeSpan.FromMinutes(30);

    /// <summary>Share of storage requests failed by the fault proxy: half before they reach storage, half with the answer lost.</summary>
    public double SoakFaults { get; private set; } = 0.01;

    /// <summary>Reports per second during the soak.</summary>
    public double SoakRate { get; private set; } = 1;

    public bool Runs(string scenario) => Scenarios.Contains(scenario);

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        if (args.Contains("--quick"))
        {
            o.Quick = true;
            o.Modes = [AzuriteMode.Memory];
            o.Scenarios = ["intake", "precision", "fanout", "email", "two"];
            o.IntakeRuns = 1;
            o.IntakeWarmup = TimeSpan.FromSeconds(1);
            o.IntakeDuration = TimeSpan.FromSeconds(1.5);
            o.PrecisionIncidents = 3;
            o.PrecisionHold = TimeSpan.FromSeconds(1);
            o.PrecisionSpacingSeconds = (0.5, 1.0);
            o.Sizes = [100];
            o.TwoInstanceSizes = [100];
            o.FanoutRuns = 1;
            o.FanoutHold = TimeSpan.FromSeconds(1);
            o.EmailRecipients = 10;
            o.EmailRuns = 1;
        }

        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--modes":
                    o.Modes = Next().Split(',').Select(m => Enum.Parse<AzuriteMode>(m, ignoreCase: true)).ToList();
                    break;
                case "--only":
                    o.Scenarios = Next().Split(',');
                    foreach (var s in o.Scenarios.Where(s => !AllScenarios.Contains(s)))
                    {
                        throw new ArgumentException($"unknown scenario {s}; known: {string.Join(", ", AllScenarios)}");
                    }

                    break;
                case "--runs":
                    o.FanoutRuns = int.Parse(Next(), CultureInfo.InvariantCulture);
                    o.EmailRuns = o.FanoutRuns;
                    break;
                case "--intake-runs":
                    o.IntakeRuns = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--intake-warmup":
                    o.IntakeWarmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture));
                    break;
                case "--intake-seconds":
                    o.IntakeDuration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture));
                    break;
                case "--clients":
                    o.IntakeClients = Next().Split(',').Select(int.Parse).ToList();
                    break;
                case "--sizes":
                    o.Sizes = Next().Split(',').Select(int.Parse).ToList();
                    break;
                case "--two-sizes":
                    o.TwoInstanceSizes = Next().Split(',').Select(int.Parse).ToList();
                    break;
                case "--precision":
                    o.PrecisionIncidents = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--emails":
                    o.EmailRecipients = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--server-dll":
                    ServerProcess.Dll = Path.GetFullPath(Next());
                    break;
                case "--server-setting":
                    var setting = Next().Split('=', 2);
                    ServerProcess.ExtraSettings[setting[0]] = setting[1];
                    break;
                case "--server-env":
                    var variable = Next().Split('=', 2);
                    ServerProcess.ExtraEnvironment[variable[0]] = variable[1];
                    break;
                case "--soak":
                    o.Soak = true;
                    break;
                case "--soak-minutes":
                    o.SoakDuration = TimeSpan.FromMinutes(double.Parse(Next(), CultureInfo.InvariantCulture));
                    break;
                case "--soak-faults":
                    o.SoakFaults = double.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--soak-rate":
                    o.SoakRate = double.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--out":
                    o.OutDir = Path.GetFullPath(Next());
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        return o;
    }
}

internal static class Machine
{
    /// <summary>The machine as it was when the benchmark started.</summary>
    public static string AtStart { get; } = Describe();

    public static string Describe()
    {
        var memKb = ProcStatusLine("/proc/meminfo", "MemTotal:");
        var model = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
        return $"machine: {Environment.ProcessorCount} cores ({model ?? "?"}), {memKb / 1024 / 1024.0:N1} GiB memory, .NET {Environment.Version}, load average at start {load}";
    }

    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static long ProcStatusLine(string file, string field)
    {
        if (!File.Exists(file))
        {
            return 0;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
