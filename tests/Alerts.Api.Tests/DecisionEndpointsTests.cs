using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Api.Tests;

/// <summary>The analyst's decisions, called by name: the rules the core enforces reach the caller as problems naming the field.</summary>
public class DecisionEndpointsTests
{
    private static async Task<List<string>> Etags(ApiHarness harness, string id) =>
        (await StorageProbe.RowsAsync(harness.Account, TableNames.Incidents, id)).Select(r => r.RowKey + r.ETag).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("""{"by":"31.00:00:00"}""", "by")]
    [InlineData("""{"by":"-00:05:00"}""", "by")]
    [InlineData("""{"until":"2030-01-01T00:00:00Z","by":"00:10:00"}""", "until")]
    [InlineData("""{}""", "until")]
    [InlineData("""{"until":"2000-01-01T00:00:00Z"}""", "until")]
    public async Task Extend_Refused_NamesTheField_AndChangesNothing(string body, string field)
    {
        var harness = await ApiHarness.CreateAsync();
        var id = await harness.SubmitAsync();
        var before = await Etags(harness, id);
        var post = harness.Request("POST", $"/api/incidents/{id}/extend", TestApiKeys.Analyst, body);

        var response = await HttpCalls.ExecuteAsync(post, await harness.Get<DecisionEndpoints>().Extend(post, id, CancellationToken.None));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await Etags(harness, id));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"reason":"  "}""")]
    public async Task Retract_WithoutAReason_Is400NamingReason(string body)
    {
        var harness = await ApiHarness.CreateAsync();
        var id = await harness.SubmitAsync();
        var post = harness.Request("POST", $"/api/incidents/{id}/retract", TestApiKeys.Analyst, body);

        var response = await HttpCalls.ExecuteAsync(post, await harness.Get<DecisionEndpoints>().Retract(post, id, CancellationToken.None));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Confirm_WithoutABody_ReleasesIt_AConfirmAgainIs409()
    {
        var harness = await ApiHarness.CreateAsync();
        var id = await harness.SubmitAsync();
        var endpoints = harness.Get<DecisionEndpoints>();

        var first = harness.Request("POST", $"/api/incidents/{id}/confirm", TestApiKeys.Analyst);
        var confirmed = await HttpCalls.ExecuteAsync(first, await endpoints.Confirm(first, id, CancellationToken.None));
        var again = harness.Request("POST", $"/api/incidents/{id}/confirm", TestApiKeys.Admin, """{"reason":"again"}""");
        var refused = await HttpCalls.ExecuteAsync(again, await endpoints.Confirm(again, id, CancellationToken.None));

        Assert.Equal(200, confirmed.Status);
        Assert.Equal("released", confirmed.Json.GetProperty("status").GetString());
        Assert.Equal(409, refused.Status);
        Assert.True(refused.IsProblem);
    }

    [Fact]
    public async Task Amend_NeedsIfMatch_AndAStaleOneIs412_AFreshOneAmends()
    {
        var harness = await ApiHarness.CreateAsync();
        var id = await harness.SubmitAsync();
        var endpoints = harness.Get<DecisionEndpoints>();
        var get = harness.Request("GET", $"/api/incidents/{id}", TestApiKeys.Analyst);
        var etag = (await HttpCalls.ExecuteAsync(get, await harness.Get<IncidentEndpoints>().GetIncident(get, id, CancellationToken.None))).Headers.ETag.ToString();
        const string patch = """{"attribution":{"actor":"Ukrainian air defence","confidence":"likely"}}""";

        var without = harness.Request("PATCH", $"/api/incidents/{id}", TestApiKeys.Analyst, patch, "application/merge-patch+json");
        var stale = harness.Request("PATCH", $"/api/incidents/{id}", TestApiKeys.Analyst, patch, "application/merge-patch+json");
        stale.Headers.IfMatch = "\"c3RhbGU\"";
        var fresh = harness.Request("PATCH", $"/api/incidents/{id}", TestApiKeys.Analyst, patch, "application/merge-patch+json");
        fresh.Headers.IfMatch = etag;

        Assert.Equal(428, (await HttpCalls.ExecuteAsync(without, await endpoints.Amend(without, id, CancellationToken.None))).Status);
        Assert.Equal(412, (await HttpCalls.ExecuteAsync(stale, await endpoints.Amend(stale, id, CancellationToken.None))).Status);
        var amended = await HttpCalls.ExecuteAsync(fresh, await endpoints.Amend(fresh, id, CancellationToken.None));
        Assert.Equal(200, amended.Status);
        Assert.Equal("Ukrainian air defence", amended.Json.GetProperty("facts").GetProperty("attribution").GetProperty("actor").GetString());
        Assert.NotEqual(etag, amended.Headers.ETag.ToString());
    }

    [Fact]
    public async Task AReporterKey_MayNotDecide()
    {
        var harness = await ApiHarness.CreateAsync();
        var id = await harness.SubmitAsync();
        var post = harness.Request("POST", $"/api/incidents/{id}/retract", TestApiKeys.Reporter, """{"reason":"mine"}""");

        var response = await HttpCalls.ExecuteAsync(post, await harness.Get<DecisionEndpoints>().Retract(post, id, CancellationToken.None));

        Assert.Equal(403, response.Status);
    }
}
