using Alerts.Api;

namespace Alerts.Functions.Tests;

/// <summary>The console served by the Functions app: the same page, with its Content-Security-Policy, without any key.</summary>
public class ConsoleFunctionTests
{
    [Fact]
    public async Task ServeConsole_ThePage_WithoutAKey_WithItsContentSecurityPolicy()
    {
        var harness = await FunctionsHarness.CreateAsync();
        var request = harness.Request("GET", ApiRoutes.ConsolePath, key: null);

        var response = await FunctionsHarness.Execute(request, harness.Function<ConsoleFunction>().ServeConsole(request, null, CancellationToken.None));

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/html", response.Headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.Equal(ConsoleEndpoint.ContentSecurityPolicy, response.Headers.ContentSecurityPolicy.ToString());
    }

    [Fact]
    public async Task ServeConsole_AnUnknownFile_Is404Problem()
    {
        var harness = await FunctionsHarness.CreateAsync();
        var request = harness.Request("GET", ApiRoutes.ConsolePath + "missing.mjs", key: null);

        var response = await FunctionsHarness.Execute(request, harness.Function<ConsoleFunction>().ServeConsole(request, "missing.mjs", CancellationToken.None));

        Assert.Equal(404, response.Status);
        Assert.True(response.IsProblem);
    }
}
