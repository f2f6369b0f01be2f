using System.Diagnostics;
using Alerts.Testing;

namespace Alerts.Functions.Tests;

/// <summary>
/// A bad setting stops the real Functions worker process at start-up with a message that names it, as the standalone
/// server does. The worker is started as the Functions host starts it, with a host endpoint (nothing listens there:
/// validation comes first).
/// </summary>
public class StartupValidationTests
{
    private static async Task<(int ExitCode, string Output)> RunWorker(IDictionary<string, string> environment)
    {
        var output = Path.Combine(RepositoryRoot.Path, "src", "Alerts.Functions", "bin", new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = output,
        };
        start.ArgumentList.Add(Path.Combine(output, "Alerts.Functions.dll"));
        start.Environment["Functions__Worker__HostEndpoint"] = $"http://127.0.0.1:{FreePort.Next()}";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stderr + await stdout);
    }

    [Theory]
    [InlineData("Hold__Minimum", "00:00:00", "Hold:Minimum")]
    [InlineData("Retry__Jitter", "2", "Retry:Jitter")]
    [InlineData("Auth__Keys__0__Role", "superuser", "Auth:Keys:0:Role")]
    public async Task BadSetting_StopsTheWorkerNamingIt(string key, string value, string named)
    {
        var account = await StorageAccount.CreateAsync();

        var (exitCode, output) = await RunWorker(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = account.ConnectionString,
            ["Auth__Keys__0__Key"] = "some-long-key-123",
            ["Auth__Keys__0__Role"] = "reporter",
            ["Auth__Keys__0__Name"] = "r",
            [key] = value,
        });

        Assert.Equal(2, exitCode);
        Assert.Contains("configuration is invalid", output, StringComparison.Ordinal);
        Assert.Contains(named, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingStorageSetting_StopsTheWorkerSayingWhatToSet()
    {
        var (exitCode, output) = await RunWorker(new Dictionary<string, string> { ["AzureWebJobsStorage"] = string.Empty });

        Assert.Equal(2, exitCode);
        Assert.Contains("AzureWebJobsStorage", output, StringComparison.Ordinal);
    }
}
