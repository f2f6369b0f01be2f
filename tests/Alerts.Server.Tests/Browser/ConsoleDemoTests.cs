using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Alerts.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Alerts.Server.Tests.Browser;

/// <summary>
/// The README's walk-through: `node scripts/demo.mjs --console` sends the Przewodów reports and waits, and an analyst
/// follows the whole scenario in the console — finds the contested incident on the board, compares the reports, amends
/// the attribution, confirms — without curl; the demo then finds that nobody was told the first attribution.
/// </summary>
[Collection(ConsoleCollection.Name)]
public partial class ConsoleDemoTests(ConsoleBrowser browser)
{
    [GeneratedRegex(@"open incident (?<id>inc-[0-9a-z]{16}) on the board")]
    private static partial Regex YourTurn();

    [Fact]
    public async Task TheDemo_FollowedInTheConsole_EndsWithNobodyToldTheFirstAttribution()
    {
        var output = new StringBuilder();
        using var demo = StartDemo(output);
        try
        {
            var id = YourTurn().Match(await Eventually.Until(() => Task.FromResult(Read(output)), text => YourTurn().IsMatch(text), TimeSpan.FromMinutes(1))).Groups["id"].Value;

            await using var console = await browser.OpenAsync();
            await console.SignInAsync(RunningServer.AnalystKey, "duty-analyst");
            var page = console.Page;
            var row = page.Locator("table.held tbody tr", new() { Has = page.Locator($"a[href='#/incidents/{id}']") });
            await Expect(row).ToContainTextAsync("exercise");
            await Expect(row).ToContainTextAsync("contested");
            await row.GetByRole(AriaRole.Link).ClickAsync();

            await Expect(page.Locator("table.reports tr[data-fact='attribution'] td.contested")).ToHaveCountAsync(2);
            await page.GetByRole(AriaRole.Button, new() { Name = "Amend facts…" }).ClickAsync();
            await page.GetByLabel("Attributed to (empty: nobody)").FillAsync("Ukrainian air defence (stray S-300 interceptor)");
            await page.GetByLabel("Attribution confidence").SelectOptionAsync("likely");
            await page.GetByLabel("Summary").FillAsync("Missile impact at a grain dryer in Przewodów; two killed. Most likely a stray Ukrainian S-300 interceptor.");
            await page.Locator("form.action-amend").GetByLabel("Reason (for the timeline)").FillAsync("Polish MoD and allied radar data agree");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send amendment" }).ClickAsync();
            await Expect(page.Locator(".result")).ToContainTextAsync("amended by analyst duty-analyst: summary, attribution (Polish MoD and allied radar data agree)");

            await page.Locator("form.action-confirm").GetByLabel("Reason (for the timeline)").FillAsync("attribution verified with two independent sources");
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and release" }).ClickAsync();
            await Expect(page.Locator(".headline .badge").First).ToHaveTextAsync("released");
            await Expect(page.Locator("table.deliveries tbody tr", new() { HasText = "demo: NATO liaison cell" }).Filter(new() { HasText = "alert" })).ToContainTextAsync("delivered");

            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await demo.WaitForExitAsync(limit.Token);
            var text = Read(output);
            Assert.True(demo.ExitCode == 0, text);
            Assert.Contains("✔ Nobody outside the analysts' desk was ever told \"Russian Federation\"", text, StringComparison.Ordinal);
            console.AssertNoPageErrors();
        }
        finally
        {
            if (!demo.HasExited)
            {
                demo.Kill(entireProcessTree: true);
            }
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private Process StartDemo(StringBuilder output)
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(RepositoryRoot.Path, "scripts", "demo.mjs"), "--console" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ALERTS_URL"] = browser.Server.Client.BaseAddress!.ToString().TrimEnd('/'),
                ["DEMO_RECEIVER_PORT"] = FreePort.Next().ToString(),
                ["DEMO_CONSOLE_WAIT_SECONDS"] = "120",
                ["REPORTER_KEY"] = RunningServer.ReporterKey,
                ["REPORTER2_KEY"] = RunningServer.Reporter2Key,
                ["ANALYST_KEY"] = RunningServer.AnalystKey,
                ["ADMIN_KEY"] = RunningServer.AdminKey,
            },
        };
        var process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
