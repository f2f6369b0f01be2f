using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Alerts.Server.Tests.Browser;

/// <summary>Signing in: the key is checked, the page says who is signed in and what the role may do, and keeps the key in the tab only.</summary>
[Collection(ConsoleCollection.Name)]
public class ConsoleSignInTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task SignIn_ShowsWhoAndTheRole_AndKeepsTheKeyInThisTabsSessionOnly()
    {
        await using var console = await browser.OpenAsync();
        var page = console.Page;
        await Expect(page).ToHaveURLAsync(new Regex("/api/console/$"));

        await page.GetByLabel("API key", new() { Exact = true }).FillAsync("not-a-key-of-ours");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This key is not accepted");

        // By keyboard alone: the key field has the focus, Enter signs in.
        var keyField = page.GetByLabel("API key", new() { Exact = true });
        await keyField.FillAsync(string.Empty);
        await keyField.FocusAsync();
        await page.Keyboard.TypeAsync(RunningServer.AnalystKey);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#who-name")).ToHaveTextAsync("duty-analyst");
        await Expect(page.Locator("#who-role")).ToHaveTextAsync("analyst");
        await Expect(page.Locator("#who-may")).ToContainTextAsync("confirm, extend, amend and retract");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board", Exact = true })).ToBeVisibleAsync();

        Assert.DoesNotContain(RunningServer.AnalystKey, page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Contains(RunningServer.AnalystKey, await page.EvaluateAsync<string>("() => JSON.stringify(sessionStorage)"), StringComparison.Ordinal);

        await page.ReloadAsync();
        await Expect(page.Locator("#who-name")).ToHaveTextAsync("duty-analyst");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(keyField).ToBeFocusedAsync();
        await console.AssertEveryControlIsLabelledAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => sessionStorage.length"));
        console.AssertNoPageErrors();
    }

    [Fact]
    public async Task AnAnalystKey_IsNotOfferedSubscriberAdmin_AndCannotOpenIt()
    {
        await using var console = await browser.OpenAsync();
        await console.SignInAsync(RunningServer.AnalystKey, "duty-analyst");
        var page = console.Page;

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Board" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Subscribers" })).ToBeHiddenAsync();

        await console.GoToAsync("#/subscribers");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not for this role" })).ToBeVisibleAsync();
        await Expect(page.Locator("table.subscribers")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add subscriber" })).ToHaveCountAsync(0);
        console.AssertNoPageErrors();
    }
}
