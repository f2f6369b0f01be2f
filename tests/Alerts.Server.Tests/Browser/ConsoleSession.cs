using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Alerts.Server.Tests.Browser;

/// <summary>
/// One browser window on the console, with what its page reported: uncaught script errors and console errors (a
/// Content-Security-Policy violation is one). Failed HTTP responses the page expects (a 412) are not counted.
/// </summary>
public sealed class ConsoleSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> errors = [];

    public ConsoleSession(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Signs in with <paramref name="key"/> as a person would: types it, presses the button, sees who they are.</summary>
    public async Task SignInAsync(string key, string name)
    {
        await Page.GetByLabel("API key", new() { Exact = true }).FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.Locator("#who-name")).ToHaveTextAsync(name);
    }

    public async Task GoToAsync(string fragment) => await Page.EvaluateAsync("f => { location.hash = f; }", fragment);

    public Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ConsoleBrowser.ScreenshotFolder);
        return Page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleBrowser.ScreenshotFolder, name), FullPage = true });
    }

    /// <summary>Every visible control has a name a screen reader says: a label, an aria-label, or (buttons) its text.</summary>
    public async Task AssertEveryControlIsLabelledAsync()
    {
        const string unlabelledControls = """
            () => [...document.querySelectorAll('input, select, textarea, button')]
              .filter(c => c.checkVisibility())
              .filter(c => !(c.labels?.length || c.getAttribute('aria-label') || (c.tagName === 'BUTTON' && c.textContent.trim())))
              .map(c => c.outerHTML.slice(0, 120))
            """;
        var unlabelled = await Page.EvaluateAsync<string[]>(unlabelledControls);
        Assert.True(unlabelled.Length == 0, "Controls without a label: " + string.Join(" | ", unlabelled));
    }

    /// <summary>Fails on any script error or console error the page reported so far.</summary>
    public void AssertNoPageErrors() => Assert.True(errors.Count == 0, "The page reported: " + string.Join(" | ", errors));

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
