using Alerts.Testing;

namespace Alerts.Api.Tests;

/// <summary>GET /api/me, called by name: who a key is, and abilities that say exactly what the endpoints let it do.</summary>
public class CallerEndpointTests
{
    [Theory]
    [InlineData(TestApiKeys.Reporter, "test-reporter", "reporter")]
    [InlineData(TestApiKeys.Analyst, "test-analyst", "analyst")]
    [InlineData(TestApiKeys.Admin, "test-admin", "admin")]
    public async Task Describe_NamesTheCaller_AndItsAbilitiesAreWhatTheEndpointsAllow(string key, string name, string role)
    {
        var harness = await ApiHarness.CreateAsync();
        var me = harness.Request("GET", "/api/me", key);
        var board = harness.Request("GET", "/api/incidents", key);
        var subscribers = harness.Request("GET", "/api/subscribers", key);

        var response = await HttpCalls.ExecuteAsync(me, await harness.Get<CallerEndpoint>().Describe(me));
        var boardStatus = (await HttpCalls.ExecuteAsync(board, await harness.Get<IncidentEndpoints>().ListIncidents(board, CancellationToken.None))).Status;
        var subscribersStatus = (await HttpCalls.ExecuteAsync(subscribers, await harness.Get<SubscriberEndpoints>().ListSubscribers(subscribers, CancellationToken.None))).Status;

        Assert.Equal(200, response.Status);
        Assert.Equal(name, response.Json.GetProperty("name").GetString());
        Assert.Equal(role, response.Json.GetProperty("role").GetString());
        var may = response.Json.GetProperty("may").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal(may.Contains("readBoard"), boardStatus != 403);
        Assert.Equal(may.Contains("manageSubscribers"), subscribersStatus != 403);
        Assert.Contains("readIncidents", may);
    }

    [Fact]
    public async Task Describe_WithoutAKnownKey_Is401Problem()
    {
        var harness = await ApiHarness.CreateAsync();
        var me = harness.Request("GET", "/api/me", "not-a-key-of-ours");

        var response = await HttpCalls.ExecuteAsync(me, await harness.Get<CallerEndpoint>().Describe(me));

        Assert.Equal(401, response.Status);
        Assert.True(response.IsProblem);
    }
}
