using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Alerts.Server.Tests.Browser;

/// <summary>The board refreshes by itself: a report posted through the API appears, held, with a running countdown.</summary>
[Collection(ConsoleCollection.Name)]
public partial class ConsoleBoardTests(ConsoleBrowser browser)
{
    [GeneratedRegex(@"^\d+:\d\d$")]
    private static partial Regex Countdown();

    [Fact]
    public async Task AReportPostedThroughTheApi_AppearsOnTheBoard_WithACountdown_WithoutAReload()
    {
        await using var console = await browser.OpenAsync();
        await console.SignInAsync(RunningServer.AnalystKey, "duty-analyst");
        var page = console.Page;
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("refreshes every");

        const string summary = "Two drones crossed from Belarus over the Białowieża forest; one came down near the village.";
        var report = ConsoleReports.At("PL", "Białowieża", 52.7005, 23.8672, "drone-incursion", summary);
        report.Severity = "severe";
        var id = (await browser.Server.Report(report)).GetProperty("incidentId").GetString()!;

        var row = page.Locator("table.held tbody tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = summary }) });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("held");
        await Expect(row).ToContainTextAsync("Białowieża, PL");
        await Expect(row).ToContainTextAsync("1 report · 1 source");
        var countdown = row.Locator(".countdown");
        await Expect(countdown).ToHaveTextAsync(Countdown());
        var shown = await countdown.TextContentAsync();
        await Expect(countdown).Not.ToHaveTextAsync(shown!);
        await Expect(countdown).ToHaveTextAsync(Countdown());
        await console.ScreenshotAsync("board.png");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"#/incidents/{id}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Incident {id}" })).ToBeVisibleAsync();
        console.AssertNoPageErrors();
    }
}
