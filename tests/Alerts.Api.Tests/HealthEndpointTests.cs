using Alerts.Testing;

namespace Alerts.Api.Tests;

public class HealthEndpointTests
{
    [Fact]
    public async Task Check_StorageAnswers_200Healthy()
    {
        var harness = await ApiHarness.CreateAsync();
        var request = harness.Request("GET", "/api/health", null);

        var response = await HttpCalls.ExecuteAsync(request, await harness.Get<HealthEndpoint>().Ready(CancellationToken.None));

        Assert.Equal(200, response.Status);
        Assert.Equal("healthy", response.Json.GetProperty("status").GetString());
    }
}
