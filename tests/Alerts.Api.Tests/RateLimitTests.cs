using System.Security.Claims;
using Alerts.Testing;

namespace Alerts.Api.Tests;

/// <summary>Issue 14: each key has its limit (by role), unknown keys one per client address; a caller over it gets 429 with Retry-After.</summary>
public class RateLimitTests
{
    private static readonly Dictionary<string, string?> Small = new()
    {
        ["RateLimits:Analyst:Burst"] = "3",
        ["RateLimits:Analyst:PerSecond"] = "1",
        ["RateLimits:Unknown:Burst"] = "2",
        ["RateLimits:Unknown:PerSecond"] = "1",
    };

    private static async Task<HttpCallResponse> ListAsync(ApiHarness harness, string? key, string address = "192.0.2.10")
    {
        var request = harness.Request("GET", "/api/incidents", key);
        request.HttpContext.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);
        return await HttpCalls.ExecuteAsync(request, await harness.Get<IncidentEndpoints>().ListIncidents(request, CancellationToken.None));
    }

    [Fact]
    public async Task AfterTheBurst_TheKeyGets429WithRetryAfter_OtherKeysGoOn()
    {
        var harness = await ApiHarness.CreateAsync(settings: Small);

        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await ListAsync(harness, TestApiKeys.Analyst)).Status);
        }

        var limited = await ListAsync(harness, TestApiKeys.Analyst);
        var other = await ListAsync(harness, TestApiKeys.Admin);

        Assert.Equal([200, 200, 200, 429, 429], statuses);
        Assert.Equal(429, limited.Status);
        Assert.True(limited.IsProblem);
        Assert.True(int.Parse(limited.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(200, other.Status);
    }

    [Fact]
    public async Task UnknownKeys_AreLimitedPerAddress_SoKeysCannotBeProbedAtSpeed()
    {
        var harness = await ApiHarness.CreateAsync(settings: Small);

        var probes = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            probes.Add((await ListAsync(harness, $"guess-{i}-of-a-key")).Status);
        }

        var elsewhere = await ListAsync(harness, "another-guess-key", "198.51.100.7");

        Assert.Equal([401, 401, 429, 429], probes);
        Assert.Equal(401, elsewhere.Status);
    }

    [Fact]
    public async Task TheCaller_IsHttpContextUser_WithItsRoleAsAClaim()
    {
        var harness = await ApiHarness.CreateAsync();
        var request = harness.Request("GET", "/api/incidents", TestApiKeys.Analyst);

        await harness.Get<IncidentEndpoints>().ListIncidents(request, CancellationToken.None);

        Assert.True(request.HttpContext.User.Identity!.IsAuthenticated);
        Assert.Equal("test-analyst", request.HttpContext.User.Identity.Name);
        Assert.True(request.HttpContext.User.IsInRole("analyst"));
        Assert.Equal("ApiKey", request.HttpContext.User.Identity.AuthenticationType);
        Assert.NotNull(request.HttpContext.User.FindFirst(ClaimTypes.Role));
    }
}
