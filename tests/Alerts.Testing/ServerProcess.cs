using System.Diagnostics;

namespace Alerts.Testing;

/// <summary>
/// The standalone server as a real process (<c>dotnet Alerts.Server.dll</c>), so a test can kill it outright
/// (<see cref="Kill"/> is SIGKILL: no shutdown, no cleanup) and start another on the same storage.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;

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
    public static async Task<ServerProcess> StartAsync(string serverDll, IDictionary<string, string> settings)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
        };
        start.ArgumentList.Add(serverDll);
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
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

    /// <summary>SIGKILL: the process ends at once, mid-work.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
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
