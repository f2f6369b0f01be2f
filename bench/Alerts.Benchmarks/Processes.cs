using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Alerts.Benchmarks;

/// <summary>Where the repository is: the folder holding Alerts.sln above the program.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alerts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find Alerts.sln above " + AppContext.BaseDirectory);
    }
}

internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Which Azurite persistence a run uses.</summary>
internal enum AzuriteMode
{
    /// <summary><c>--inMemoryPersistence</c>: what the issue's targets are stated against.</summary>
    Memory,

    /// <summary><c>--location</c> in a scratch folder: what the tests use (in-memory mode freezes under load).</summary>
    Disk,
}

/// <summary>A fresh Azurite (from node_modules) on free ports, one per scenario so that no scenario inherits another's backlog.</summary>
internal sealed class AzuriteProcess : IDisposable
{
    public const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;
    private readonly string? location;

    private AzuriteProcess(Process process, string? location, int queuePort, int tablePort)
    {
        this.process = process;
        this.location = location;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};" +
                           $"QueueEndpoint=http://127.0.0.1:{queuePort}/{Account};TableEndpoint=http://127.0.0.1:{tablePort}/{Account};";
    }

    public string ConnectionString { get; }

    public int Pid => process.Id;

    /// <summary>Starts Azurite on free ports; a start that fails (another process took a port meanwhile) is retried on new ones.</summary>
    public static AzuriteProcess Start(AzuriteMode mode, string scratch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return StartOnce(mode, scratch);
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("during start-up", StringComparison.Ordinal))
            {
                Console.WriteLine($"  Azurite did not start ({e.Message}); trying other ports");
            }
        }
    }

    private static AzuriteProcess StartOnce(AzuriteMode mode, string scratch)
    {
        var script = Path.Combine(Repo.Root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed: run 'npm ci' in {Repo.Root}.");
        }

        int blob = FreePort.Next(), queue = FreePort.Next(), table = FreePort.Next();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { script, "--skipApiVersionCheck", "--disableTelemetry", "--silent", "--blobPort", blob.ToString(), "--queuePort", queue.ToString(), "--tablePort", table.ToString() })
        {
            start.ArgumentList.Add(arg);
        }

        string? location = null;
        if (mode == AzuriteMode.Memory)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            location = Path.Combine(scratch, "azurite-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(location);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        process.OutputDataReceived += (_, _) => { };
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && errors.Count < 20)
            {
                errors.Enqueue(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, location, queue, table);
        try
        {
            Ports.WaitOpen(process, [blob, queue, table]);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{e.Message} {string.Join(" | ", errors)}", e);
        }

        return azurite;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
        if (location is not null)
        {
            try
            {
                Directory.Delete(location, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

internal static class Ports
{
    public static void WaitOpen(Process process, IEnumerable<int> ports)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in ports)
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{process.StartInfo.FileName} exited with code {process.ExitCode} during start-up.");
                }

                try
                {
                    using var client = new TcpClient();
                    client.Connect(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(50);
                }
            }
        }
    }
}

/// <summary>The standalone server as a separate process (the Release build), configured by command-line settings.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string ReporterKey = "bench-reporter-key";
    public const string AdminKey = "bench-admin-key";

    private readonly Process process;
    private readonly StreamWriter log;

    private bool disposed;

    private ServerProcess(Process process, StreamWriter log, Uri baseAddress, string logPath)
    {
        this.process = process;
        this.log = log;
        BaseAddress = baseAddress;
        LogPath = logPath;
    }

    public string LogPath { get; }

    public Uri BaseAddress { get; }

    public int Pid => process.Id;

    /// <summary>The server build to run; <c>--server-dll</c> points elsewhere (e.g. a build of another commit, for before/after).</summary>
    public static string Dll { get; set; } = Path.Combine(Repo.Root, "src", "Alerts.Server", "bin", "Release", "net10.0", "Alerts.Server.dll");

    /// <summary>Extra settings for every server (<c>--server-setting Key=Value</c>), for experiments.</summary>
    public static Dictionary<string, string> ExtraSettings { get; } = [];

    /// <summary>Extra environment variables for every server (<c>--server-env NAME=VALUE</c>), for runtime experiments.</summary>
    public static Dictionary<string, string> ExtraEnvironment { get; } = [];

    public static async Task<ServerProcess> StartAsync(string connectionString, string logPath, IDictionary<string, string> settings)
    {
        if (!File.Exists(Dll))
        {
            throw new InvalidOperationException($"Build the server first: dotnet build -c Release src/Alerts.Server ({Dll} is missing).");
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The content root, as in a deployment: appsettings.json (log levels) is read from there.
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (k, v) in ExtraEnvironment)
        {
            start.Environment[k] = v;
        }

        var values = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["AzureWebJobsStorage"] = connectionString,
            ["Auth:Keys:0:Key"] = ReporterKey,
            ["Auth:Keys:0:Role"] = "reporter",
            ["Auth:Keys:0:Name"] = "bench-reporter",
            ["Auth:Keys:1:Key"] = AdminKey,
            ["Auth:Keys:1:Role"] = "admin",
            ["Auth:Keys:1:Name"] = "bench-admin",
            ["Delivery:AllowPrivateAddresses"] = "true",
            ["Links:PublicBaseUrl"] = $"http://127.0.0.1:{port}",

            // Timestamps in the server log, for the timing evidence in docs/BENCHMARKS.md.
            ["Logging:Console:TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging:Console:UseUtcTimestamp"] = "true",
        };
        foreach (var (k, v) in settings.Concat(ExtraSettings))
        {
            values[k] = v;
        }

        start.ArgumentList.Add(Dll);
        foreach (var (k, v) in values)
        {
            start.ArgumentList.Add($"--{k}={v}");
        }

        var log = new StreamWriter(logPath, append: false) { AutoFlush = false };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, log, new Uri($"http://127.0.0.1:{port}/"), logPath);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}; see {logPath}.");
            }

            try
            {
                if ((await http.GetAsync(new Uri(server.BaseAddress, "api/health"))).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The server did not become healthy; see {logPath}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Resets the kernel's peak-RSS mark (VmHWM), so that a later read gives the peak of what follows.</summary>
    public void ResetPeakRss()
    {
        try
        {
            File.WriteAllText($"/proc/{Pid}/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>SIGKILL: the process ends at once, mid-work (the soak's crash).</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public long PeakRssKb() => ProcStatus.Read(Pid, "VmHWM:");

    public long RssKb() => ProcStatus.Read(Pid, "VmRSS:");

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(5000);
                await process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
        }

        process.Dispose();
        await log.FlushAsync();
        await log.DisposeAsync();
    }
}

internal static class ProcStatus
{
    public static long Read(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(field.Length).Trim().ToString().Split(' ')[0]);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    /// <summary>utime+stime of a process in clock ticks (1/100 s), from /proc/pid/stat.</summary>
    public static long CpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

/// <summary>Samples VmRSS of some processes every 50 ms and keeps the maximum.</summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private long maxKb;

    public RssSampler(IReadOnlyList<ServerProcess> servers)
    {
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var total = servers.Sum(s => s.RssKb());
                if (total > Interlocked.Read(ref maxKb))
                {
                    Interlocked.Exchange(ref maxKb, total);
                }

                try
                {
                    await Task.Delay(50, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
    }

    public long MaxKb => Interlocked.Read(ref maxKb);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
