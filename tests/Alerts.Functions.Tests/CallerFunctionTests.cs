namespace Alerts.Functions.Tests;

public class CallerFunctionTests
{
    [Theory]
    [InlineData(FunctionsHarness.AnalystKey, 200, "analyst")]
    [InlineData(null, 401, null)]
    public async Task DescribeCaller_NamesTheKeysRole_OrIs401(string? key, int expected, string? role)
    {
        var harness = await FunctionsHarness.CreateAsync();
        var request = harness.Request("GET", "/api/me", key);

        var response = await FunctionsHarness.Execute(request, await harness.Function<CallerFunction>().DescribeCaller(request, CancellationToken.None));

        Assert.Equal(expected, response.Status);
        Assert.Equal(role, response.Status == 200 ? response.Json.GetProperty("role").GetString() : null);
        Assert.Equal(expected != 200, response.IsProblem);
    }
}
