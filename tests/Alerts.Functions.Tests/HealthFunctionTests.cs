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
}
