using Alerts.Testing;
using Microsoft.Playwright;

namespace Alerts.Server.Tests.Browser;

/// <summary>
/// The system's headless Chromium (Debian's chromium package) driven by Playwright, and one standalone server over
/// Azurite with a webhook receiver, shared by the console's browser tests. Holds last ten minutes, so what a test
/// holds stays held until it acts. Without a browser every test fails and says how to install one: none is skipped.
/// </summary>
public sealed class ConsoleBrowser : IAsyncLifetime
{
    /// <summary>Names another Chromium executable than Debian's.</summary>
    public const string ExecutableSetting = "ALERTS_CHROMIUM";

    public const string DefaultExecutable = "/usr/bin/chromium";

    /// <summary>Where screenshots go: TestResults/ is what CI keeps of a run.</summary>
    public static readonly string ScreenshotFolder = Path.Combine(RepositoryRoot.Path, "TestResults", "console");

    private static readonly string[] Arguments =
        ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private IPlaywright? playwright;
    private IBrowser? browser;
    private RunningServer? server;
    private WebhookReceiver? receiver;

    public RunningServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public WebhookReceiver Receiver => receiver ?? throw new InvalidOperationException("The receiver has not started.");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable(ExecutableSetting) is { Length: > 0 } named ? named : DefaultExecutable;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"No browser at {executable}: the console's browser tests need Chromium. Install Debian's (apt-get update && apt-get install -y chromium; " +
                $".ci/run does this), or set {ExecutableSetting} to a Chromium executable.");
        }

        // A limit on waiting, not a timing assertion: expectations wait until the page shows what they expect.
        Assertions.SetDefaultExpectTimeout(20_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = Arguments });
        receiver = await WebhookReceiver.StartAsync();
        server = await RunningServer.StartAsync(PipelineSettings.With(("Hold:Override", "00:10:00")));
    }

    /// <summary>A new browser window (its own session storage) at 1280×800 on the console.</summary>
    public async Task<ConsoleSession> OpenAsync()
    {
        var context = await browser!.NewContextAsync(new()
        {
            BaseURL = Server.Client.BaseAddress!.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        var session = new ConsoleSession(context, page);
        await page.GotoAsync("/");
        return session;
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (receiver is not null)
        {
            await receiver.DisposeAsync();
        }

        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}
