using System.Diagnostics;

namespace Alerts.Testing;

/// <summary>
/// The standalone server as a real process (<c>dotnet Alerts.Server.dll</c>), so a test can kill it outright
/// (<see cref="Kill"/> is SIGKILL: no shutdown, no cleanup) and start another on the same storage.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder output = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <param name="serverDll">Path of Alerts.Server.dll.</param>
    /// <param name="settings">Settings, as the command line gives them (<c>--Key=Value</c>).</param>
    /// <param name="environment">Environment variables (for example <c>ASPNETCORE_HTTP_PORTS</c>, with <paramref name="port"/>).</param>
    /// <param name="waitUntilHealthy">False to return as soon as the process runs (a test of its start-up).</param>
    /// <param name="port">The port the environment makes it listen on; null: a free one, given as <c>--urls</c>.</param>
    public static async Task<ServerProcess> StartAsync(string serverDll, IDictionary<string, string> settings, IDictionary<string, string>? environment = null, int? port = null, bool waitUntilHealthy = true)
    {
        environment ??= new Dictionary<string, string>();
        var listensOn = port ?? FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
        };
        start.ArgumentList.Add(serverDll);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        if (port is null)
        {
            start.ArgumentList.Add($"--urls=http://127.0.0.1:{listensOn}");
        }

        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{listensOn}"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!waitUntilHealthy)
        {
            return server;
        }

        await Eventually.Until(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The server exited at start-up with code {process.ExitCode}.");
                }

                try
                {
                    return (await server.Client.GetAsync("/api/health")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            healthy => healthy);
        return server;
    }

    /// <summary>What the process wrote to standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>SIGTERM, as a container runtime or systemd sends it: a request to stop.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException("Could not send SIGTERM to the server.");
        }
    }

    /// <summary>Waits for the process to end, at most <paramref name="limit"/> (a hang fails the test rather than holding it).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// <summary>SIGKILL: the process ends at once, mid-work.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
