using System.Net;
using Alerts.Core.Pipeline.Intake;
using Alerts.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Alerts.Server.Tests.Browser;

/// <summary>An incident page: reports side by side with their disagreements marked, and the analyst's decisions with their rules.</summary>
[Collection(ConsoleCollection.Name)]
public class ConsoleIncidentTests(ConsoleBrowser browser)
{
    private async Task<string> ReportAsync(IncidentReport report, string key = RunningServer.ReporterKey) =>
        (await browser.Server.Report(report, key)).GetProperty("incidentId").GetString()!;

    private async Task<ConsoleSession> OpenIncidentAsync(string id, string key = RunningServer.AnalystKey, string name = "duty-analyst")
    {
        var console = await browser.OpenAsync();
        await console.SignInAsync(key, name);
        await console.GoToAsync($"#/incidents/{id}");
        await Expect(console.Page.GetByRole(AriaRole.Heading, new() { Name = $"Incident {id}" })).ToBeVisibleAsync();
        await Expect(console.Page.Locator(".headline .badge").First).ToBeVisibleAsync();
        return console;
    }

    [Fact]
    public async Task AContestedIncident_ShowsBothReports_WithTheirAttributionsMarkedAsContested()
    {
        var first = ConsoleReports.At("PL", "Przewodów", 50.4717, 23.9336, "missile-impact",
            "Missile struck a grain dryer in Przewodów, 6 km from the Ukrainian border; two killed.");
        first.Severity = "extreme";
        first.Casualties = new IncidentReport.ReportCasualties { Killed = 2, Injured = 0 };
        first.Attribution = new IncidentReport.ReportAttribution { Actor = "Russian Federation", Confidence = "possible" };
        var id = await ReportAsync(first);
        var second = ConsoleReports.At("PL", "Przewodów (grain dryer)", 50.4709, 23.9351, "missile-impact",
            "Impact consistent with an S-300 interceptor launched by Ukrainian air defence.");
        second.Severity = "extreme";
        second.Certainty = "likely";
        second.Attribution = new IncidentReport.ReportAttribution { Actor = "Ukrainian air defence", Confidence = "likely" };
        second.Source = new IncidentReport.ReportSource { Reliability = "B", Credibility = 2 };
        Assert.Equal(id, await ReportAsync(second, RunningServer.Reporter2Key));

        await using var console = await OpenIncidentAsync(id);
        var page = console.Page;

        await Expect(page.Locator(".headline .badge").First).ToHaveTextAsync("contested");
        var attribution = page.Locator("table.reports tr[data-fact='attribution']");
        await Expect(attribution.Locator("td.contested")).ToHaveCountAsync(2);
        await Expect(attribution.Locator("td.contested").Nth(0)).ToHaveTextAsync("Russian Federation");
        await Expect(attribution.Locator("td.contested").Nth(1)).ToHaveTextAsync("Ukrainian air defence");
        await Expect(attribution.Locator("th")).ToContainTextAsync("contested");
        await Expect(page.Locator("table.reports tr[data-fact='category'] td.contested")).ToHaveCountAsync(0);
        await Expect(page.Locator("table.reports thead")).ToContainTextAsync("reporter-two");
        await Expect(page.Locator("table.reports thead")).ToContainTextAsync("grading B2");
        await Expect(page.Locator("ol.timeline")).ToContainTextAsync("contradicts: attributed to Ukrainian air defence vs Russian Federation");
        await Expect(page.Locator(".told")).ToContainTextAsync("If released now, the alert goes to");
        await console.AssertEveryControlIsLabelledAsync();
        await console.ScreenshotAsync("incident.png");
        console.AssertNoPageErrors();
    }

    [Fact]
    public async Task AmendingWithAStaleETag_SaysWhatChanged_KeepsTheForm_AndSendsOnlyWhenAskedAgain()
    {
        var id = await ReportAsync(ConsoleReports.At("EE", "Narva", 59.3772, 28.1903, "airspace-violation",
            "A military helicopter crossed the Narva river into Estonian airspace for two minutes."));
        await using var console = await OpenIncidentAsync(id);
        var page = console.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Amend facts…" }).ClickAsync();
        await Expect(page.GetByLabel("Summary")).ToBeFocusedAsync();
        await console.AssertEveryControlIsLabelledAsync();
        await page.GetByLabel("Attributed to (empty: nobody)").FillAsync("Russian Border Guard Service");

        // Meanwhile a colleague amends the summary through the API, with the current ETag.
        var (_, etag) = await browser.Server.Incident(id);
        Assert.Equal(HttpStatusCode.OK, (await browser.Server.Amend(id, etag, """{"summary":"A helicopter crossed the Narva river; Estonian border guard confirms."}""")).StatusCode);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send amendment" }).ClickAsync();
        var conflict = page.Locator(".conflict");
        await Expect(conflict).ToContainTextAsync("Changed by someone else");
        await Expect(conflict).ToContainTextAsync("Summary: “A military helicopter crossed the Narva river into Estonian airspace for two minutes.” → “A helicopter crossed the Narva river; Estonian border guard confirms.”");
        await Expect(page.GetByLabel("Attributed to (empty: nobody)")).ToHaveValueAsync("Russian Border Guard Service");
        Assert.False((await browser.Server.Incident(id)).View.GetProperty("facts").TryGetProperty("attribution", out _));

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply my changes to the new version" }).ClickAsync();
        await Expect(page.GetByLabel("Summary")).ToHaveValueAsync("A helicopter crossed the Narva river; Estonian border guard confirms.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send amendment" }).ClickAsync();
        await Expect(page.Locator(".result")).ToContainTextAsync("amended by analyst duty-analyst: attribution");

        var facts = (await browser.Server.Incident(id)).View.GetProperty("facts");
        Assert.Equal("Russian Border Guard Service", facts.GetProperty("attribution").GetProperty("actor").GetString());
        Assert.Equal("A helicopter crossed the Narva river; Estonian border guard confirms.", facts.GetProperty("summary").GetString());
        console.AssertNoPageErrors();
    }

    [Fact]
    public async Task Confirming_ReleasesIt_AndItsDeliveriesAppear_WithRedeliveryForAnAdmin()
    {
        var subscriber = $$$"""{"name":"Lithuanian crisis centre","channel":"webhook","url":"{{{browser.Receiver.BaseUrl}}}lt-crisis-centre","filters":{"countries":["LT"]}}""";
        await browser.Server.Subscribe(subscriber);
        var id = await ReportAsync(ConsoleReports.At("LT", "Zarasai", 55.7319, 26.2475, "drone-incursion",
            "A drone from Belarus flew 8 km into Lithuania near Zarasai and turned back."));
        await using var console = await OpenIncidentAsync(id, RunningServer.AdminKey, "admin");
        var page = console.Page;

        await Expect(page.Locator(".audience")).ToContainTextAsync("1 subscriber: 1 by webhook, 0 by email");
        await page.Locator("form.action-confirm").GetByLabel("Reason (for the timeline)").FillAsync("confirmed by the border guard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and release" }).ClickAsync();

        await Expect(page.Locator(".result")).ToContainTextAsync("released — confirmed by analyst admin: confirmed by the border guard");
        await Expect(page.Locator(".headline .badge").First).ToHaveTextAsync("released");
        var delivery = page.Locator("table.deliveries tbody tr", new() { HasText = "Lithuanian crisis centre" });
        await Expect(delivery).ToContainTextAsync("delivered");
        await Expect(delivery).ToContainTextAsync("1 · alert");
        await Expect(page.Locator("form.action-confirm")).ToBeHiddenAsync();

        await delivery.GetByRole(AriaRole.Button, new() { Name = "Redeliver to Lithuanian crisis centre" }).ClickAsync();
        await Expect(page.Locator("div.deliveries")).ToContainTextAsync("Sent again to Lithuanian crisis centre");
        await Eventually.Until(() => Task.FromResult(browser.Receiver.Requests.Count(r => r.Path == "/lt-crisis-centre")), n => n >= 2);
        console.AssertNoPageErrors();
    }

    [Fact]
    public async Task Retracting_AsksForAReason_ThenClosesTheIncident_AndNobodyIsTold()
    {
        var id = await ReportAsync(ConsoleReports.At("LV", "Rēzekne", 56.5099, 27.3331, "border-crossing",
            "A group crossed the border near Rēzekne at night."));
        await using var console = await OpenIncidentAsync(id);
        var page = console.Page;

        var retract = page.Locator("form.action-retract");
        await retract.GetByRole(AriaRole.Button, new() { Name = "Retract" }).ClickAsync();
        await Expect(retract.GetByRole(AriaRole.Alert)).ToContainTextAsync("Say why");
        await Expect(retract.Locator(".field[data-field='reason'] .error")).ToHaveTextAsync("is required.");

        await retract.GetByLabel("Reason (required)").FillAsync("thermal camera fault: no crossing");
        await retract.GetByRole(AriaRole.Button, new() { Name = "Retract" }).ClickAsync();

        await Expect(page.Locator(".result")).ToContainTextAsync("retracted — retracted by analyst duty-analyst: thermal camera fault: no crossing; no subscriber was told");
        await Expect(page.Locator(".headline .badge").First).ToHaveTextAsync("retracted");
        await Expect(page.Locator("ol.timeline li.new")).ToContainTextAsync("retracted");
        await Expect(page.Locator("form.action-retract")).ToBeHiddenAsync();
        await Expect(page.Locator("form.action-amend, .open-amend")).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Amend facts…" })).ToBeHiddenAsync();
        Assert.Equal("retracted", (await browser.Server.Incident(id)).View.GetProperty("status").GetString());
        console.AssertNoPageErrors();
    }
}
