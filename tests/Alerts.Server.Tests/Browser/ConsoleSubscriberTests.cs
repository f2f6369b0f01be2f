using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Alerts.Server.Tests.Browser;

/// <summary>Subscriber admin: an admin adds a webhook subscriber and sees its signing secret once, never again.</summary>
[Collection(ConsoleCollection.Name)]
public class ConsoleSubscriberTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task AnAdmin_AddsAWebhookSubscriber_AndSeesItsSecretOnce()
    {
        await using var console = await browser.OpenAsync();
        await console.SignInAsync(RunningServer.AdminKey, "admin");
        var page = console.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Subscribers" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Subscribers" })).ToBeVisibleAsync();

        await page.GetByText("Add a subscriber").ClickAsync();
        await console.AssertEveryControlIsLabelledAsync();
        await page.GetByLabel("Name").FillAsync("Latvian MoD situation room");
        await page.GetByLabel("Webhook URL").FillAsync($"{browser.Receiver.BaseUrl}lv-mod");
        await page.GetByLabel("Countries (ISO codes, comma-separated)").FillAsync("lv, ee");
        await page.GetByLabel("Minimum severity").SelectOptionAsync("severe");
        await page.GetByLabel("missile-impact").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add subscriber" }).ClickAsync();

        var secret = page.Locator(".secret-value");
        await Expect(secret).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^whsec_"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy secret" })).ToBeVisibleAsync();
        var row = page.Locator("table.subscribers tbody tr", new() { HasText = "Latvian MoD situation room" });
        await Expect(row).ToContainTextAsync("LV, EE · severe and above · missile-impact");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Latvian MoD situation room" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recent deliveries" })).ToBeVisibleAsync();
        await console.AssertEveryControlIsLabelledAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync("whsec_");
        await page.GetByRole(AriaRole.Link, new() { Name = "← Subscribers" }).ClickAsync();
        await Expect(row).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync("whsec_");
        console.AssertNoPageErrors();
    }

    [Fact]
    public async Task AnAdmin_DisablesASubscriberWithAnAreaOfInterest_AndTheAreaAndFormatStay()
    {
        var created = await browser.Server.Subscribe(
            $$$$"""{"name":"Lublin voivodeship office","channel":"webhook","url":"{{{{browser.Receiver.BaseUrl}}}}lublin","format":"cap","filters":{"area":{"type":"Circle","coordinates":[22.5684,51.2465],"radiusKm":150}}}""");
        var id = created.GetProperty("subscriberId").GetString()!;
        await using var console = await browser.OpenAsync();
        await console.SignInAsync(RunningServer.AdminKey, "admin");
        await console.GoToAsync($"#/subscribers/{id}");
        var page = console.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lublin voivodeship office" })).ToBeVisibleAsync();
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("an area of interest");

        await page.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Expect(page.Locator(".created")).ToContainTextAsync("Disabled: nothing more is sent to it.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enable" })).ToBeVisibleAsync();

        var response = await browser.Server.Client.SendAsync(browser.Server.Request(HttpMethod.Get, $"/api/subscribers/{id}", RunningServer.AdminKey));
        var subscriber = await response.Json();
        Assert.False(subscriber.GetProperty("enabled").GetBoolean());
        Assert.Equal("cap", subscriber.GetProperty("format").GetString());
        Assert.Equal(150, subscriber.GetProperty("filters").GetProperty("area").GetProperty("radiusKm").GetDouble());
        console.AssertNoPageErrors();
    }
}
