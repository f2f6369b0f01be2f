using System.Diagnostics;
using Alerts.Testing;

namespace Alerts.Server.Tests;

/// <summary>The documented demo (scripts/demo.mjs with seeds/scenario-przewodow.json) runs against the server and proves its point.</summary>
public class DemoScenarioTests
{
    [Fact]
    public async Task Demo_ReplaysPrzewodow_AndNobodyIsSentTheFirstAttribution()
    {
        await using var server = await RunningServer.StartAsync(PipelineSettings.With(("Hold:Override", "00:00:30")));
        var start = new ProcessStartInfo("node", Path.Combine(RepositoryRoot.Path, "scripts", "demo.mjs"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ALERTS_URL"] = server.Client.BaseAddress!.ToString().TrimEnd('/'),
                ["DEMO_RECEIVER_PORT"] = FreePort.Next().ToString(),
                ["REPORTER_KEY"] = RunningServer.ReporterKey,
                ["REPORTER2_KEY"] = RunningServer.Reporter2Key,
                ["ANALYST_KEY"] = RunningServer.AnalystKey,
                ["ADMIN_KEY"] = RunningServer.AdminKey,
            },
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(limit.Token);

        var text = await output + await errors;
        Assert.True(process.ExitCode == 0, text);
        Assert.Contains("→ contested", text, StringComparison.Ordinal);
        Assert.Contains("✔ Nobody outside the analysts' desk was ever told \"Russian Federation\"", text, StringComparison.Ordinal);
        Assert.Contains("demo: Baltic desk (not PL)               nothing", text, StringComparison.Ordinal);
    }
}
