using System.Net;
using System.Text.Json;

namespace Alerts.Server.Tests;

/// <summary>Issue 14: the rate limits hold on the real server, over real HTTP, with the problem and Retry-After a client can act on.</summary>
public class RateLimitTests
{
    [Fact]
    public async Task OverItsLimit_ACallerGets429ProblemWithRetryAfter_AndAnotherKeyIsServed()
    {
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string>
        {
            ["RateLimits:Analyst:Burst"] = "2",
            ["RateLimits:Analyst:PerSecond"] = "1",
        });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await server.Client.SendAsync(server.Request(HttpMethod.Get, "/api/incidents", RunningServer.AnalystKey));
            statuses.Add(response.StatusCode);
            limited = response;
        }

        var admin = await server.Client.SendAsync(server.Request(HttpMethod.Get, "/api/incidents", RunningServer.AdminKey));

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal("application/problem+json", limited!.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        using var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }
}
