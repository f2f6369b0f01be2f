using System.Diagnostics;
using Alerts.Testing;

namespace Alerts.Server.Tests;

/// <summary>A bad setting stops the real server process at start-up with a message that names it.</summary>
public class StartupValidationTests
{
    private static async Task<(int ExitCode, string Error)> RunServer(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Alerts.Server.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stderr + await stdout);
    }

    [Theory]
    [InlineData("--Hold:Override=-00:00:05", "Hold:Override")]
    [InlineData("--Hold:BySeverity:Extreme=00:00:00", "Hold:BySeverity:Extreme")]
    [InlineData("--Auth:Keys:0:Role=superuser", "Auth:Keys:0:Role")]
    [InlineData("--Queues:BatchSize=100", "BatchSize")]
    [InlineData("--Release:SweepInterval=00:00:00", "SweepInterval")]
    public async Task BadSetting_StopsTheProcessNamingIt(string badSetting, string named)
    {
        var account = await StorageAccount.CreateAsync();

        var (exitCode, output) = await RunServer(
            "--urls=http://127.0.0.1:0", $"--AzureWebJobsStorage={account.ConnectionString}",
            "--Auth:Keys:0:Key=some-long-key-123", "--Auth:Keys:0:Role=reporter", "--Auth:Keys:0:Name=r", badSetting);

        Assert.Equal(2, exitCode);
        Assert.Contains("configuration is invalid", output, StringComparison.Ordinal);
        Assert.Contains(named, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingStorageSetting_StopsTheProcessSayingWhatToSet()
    {
        var (exitCode, output) = await RunServer("--urls=http://127.0.0.1:0", "--AzureWebJobsStorage=");

        Assert.Equal(2, exitCode);
        Assert.Contains("AzureWebJobsStorage", output, StringComparison.Ordinal);
    }
}
