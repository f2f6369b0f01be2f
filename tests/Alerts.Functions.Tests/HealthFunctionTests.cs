namespace Alerts.Functions.Tests;

public class HealthFunctionTests
{
    [Fact]
    public async Task Health_StorageUp_200()
    {
        var harness = await FunctionsHarness.CreateAsync();
        var request = harness.Request("GET", "/api/health", key: null);

        var (status, _, _) = await FunctionsHarness.Execute(request, await harness.Function<HealthFunction>().Health(request, CancellationToken.None));

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task ReadyAndLive_StorageUp_200()
    {
        var harness = await FunctionsHarness.CreateAsync();
        var function = harness.Function<HealthFunction>();
        var ready = harness.Request("GET", "/api/health/ready", key: null);
        var live = harness.Request("GET", "/api/health/live", key: null);

        Assert.Equal(200, (await FunctionsHarness.Execute(ready, await function.Ready(ready, CancellationToken.None))).Status);
        Assert.Equal("alive", (await FunctionsHarness.Execute(live, function.Live(live))).Json.GetProperty("status").GetString());
    }
}
