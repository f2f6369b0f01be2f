using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Api.Tests;

/// <summary>The incident endpoints, called by name with real requests over Azurite.</summary>
public class IncidentEndpointsTests
{
    [Fact]
    public async Task SubmitIncident_ValidReport_202WithLocationAndHold()
    {
        var harness = await ApiHarness.CreateAsync();
        var post = harness.Request("POST", "/api/incidents", TestApiKeys.Reporter, SampleReports.Json(SampleReports.Przewodow()));

        var response = await HttpCalls.ExecuteAsync(post, await harness.Get<IncidentEndpoints>().SubmitIncident(post, CancellationToken.None));

        Assert.Equal(202, response.Status);
        var id = response.Json.GetProperty("incidentId").GetString();
        Assert.Equal($"/api/incidents/{id}", response.Headers.Location.ToString());
        Assert.Equal("held", response.Json.GetProperty("status").GetString());
        Assert.Equal("opened", response.Json.GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData(null, """{"reportId":"r-1"}""", 401)]
    [InlineData(TestApiKeys.Analyst, """{"reportId":"r-1"}""", 403)]
    [InlineData(TestApiKeys.Reporter, """{"reportId":"r 1","severity":"apocalyptic"}""", 400)]
    [InlineData(TestApiKeys.Reporter, """{"reportId":""", 400)]
    public async Task SubmitIncident_Refused_IsAProblem_AndStoresNothing(string? key, string body, int status)
    {
        var harness = await ApiHarness.CreateAsync();
        var post = harness.Request("POST", "/api/incidents", key, body);

        var response = await HttpCalls.ExecuteAsync(post, await harness.Get<IncidentEndpoints>().SubmitIncident(post, CancellationToken.None));

        Assert.Equal(status, response.Status);
        Assert.True(response.IsProblem);
        Assert.Empty(await StorageProbe.RowsAsync(harness.Account, TableNames.Incidents));
    }

    [Fact]
    public async Task GetIncident_KnownIsTheIncidentWithAnETag_UnknownIs404()
    {
        var harness = await ApiHarness.CreateAsync();
        var id = await harness.SubmitAsync();
        var endpoints = harness.Get<IncidentEndpoints>();

        var known = harness.Request("GET", $"/api/incidents/{id}", TestApiKeys.Reporter);
        var found = await HttpCalls.ExecuteAsync(known, await endpoints.GetIncident(known, id, CancellationToken.None));
        var unknown = harness.Request("GET", "/api/incidents/inc-zzzzzzzzzzzzzzzz", TestApiKeys.Analyst);
        var missing = await HttpCalls.ExecuteAsync(unknown, await endpoints.GetIncident(unknown, "inc-zzzzzzzzzzzzzzzz", CancellationToken.None));

        Assert.Equal(200, found.Status);
        Assert.False(string.IsNullOrEmpty(found.Headers.ETag));
        Assert.Equal(2, found.Json.GetProperty("timeline").GetArrayLength());
        Assert.Equal(0, found.Json.GetProperty("deliveries").GetProperty("total").GetInt32());
        Assert.Equal(404, missing.Status);
        Assert.True(missing.IsProblem);
    }

    [Theory]
    [InlineData("?status=held", 200)]
    [InlineData("?status=exploded", 400)]
    [InlineData("?pageSize=0", 400)]
    [InlineData("?continuationToken=not-ours!", 400)]
    public async Task ListIncidents_TheBoard_WithItsQueryChecked(string query, int status)
    {
        var harness = await ApiHarness.CreateAsync();
        var id = await harness.SubmitAsync();
        var list = harness.Request("GET", "/api/incidents", TestApiKeys.Analyst, query: query);

        var response = await HttpCalls.ExecuteAsync(list, await harness.Get<IncidentEndpoints>().ListIncidents(list, CancellationToken.None));

        Assert.Equal(status, response.Status);
        if (status == 200)
        {
            Assert.Equal(id, response.Json.GetProperty("items")[0].GetProperty("incidentId").GetString());
        }
        else
        {
            Assert.True(response.IsProblem);
        }
    }

    [Fact]
    public async Task ListIncidents_SeveralStatuses_TheBoardLineCountsReportsAndIndependentSources()
    {
        var harness = await ApiHarness.CreateAsync();
        var id = await harness.SubmitAsync();
        Assert.Equal(id, await harness.SubmitAsync(r => r.Summary = "The same reporter again: not independent."));
        var list = harness.Request("GET", "/api/incidents", TestApiKeys.Analyst, query: "?status=contested,held");

        var response = await HttpCalls.ExecuteAsync(list, await harness.Get<IncidentEndpoints>().ListIncidents(list, CancellationToken.None));

        Assert.Equal(200, response.Status);
        var line = Assert.Single(response.Json.GetProperty("items").EnumerateArray());
        Assert.Equal(id, line.GetProperty("incidentId").GetString());
        Assert.Equal(2, line.GetProperty("reports").GetInt32());
        Assert.Equal(1, line.GetProperty("sources").GetInt32());
        Assert.Equal(0, line.GetProperty("corroborations").GetInt32());
        Assert.False(line.GetProperty("exercise").GetBoolean());
        Assert.False(line.GetProperty("confirmationRequired").GetBoolean());
    }

    [Theory]
    [InlineData("?status=released,retracted", 0)]
    [InlineData("?status=held,", -1)]
    [InlineData("?status=held,exploded", -1)]
    [InlineData("?status=1", -1)]
    public async Task ListIncidents_OnlyTheStatusesAsked_AndEveryNameMustBeOne(string query, int count)
    {
        var harness = await ApiHarness.CreateAsync();
        await harness.SubmitAsync();
        var list = harness.Request("GET", "/api/incidents", TestApiKeys.Analyst, query: query);

        var response = await HttpCalls.ExecuteAsync(list, await harness.Get<IncidentEndpoints>().ListIncidents(list, CancellationToken.None));

        if (count < 0)
        {
            Assert.Equal(400, response.Status);
            Assert.True(response.Json.GetProperty("errors").TryGetProperty("status", out _));
        }
        else
        {
            Assert.Equal(200, response.Status);
            Assert.Equal(count, response.Json.GetProperty("items").GetArrayLength());
        }
    }

    [Theory]
    [InlineData(TestApiKeys.Analyst, true)]
    [InlineData(TestApiKeys.Admin, true)]
    [InlineData(TestApiKeys.Reporter, false)]
    public async Task GetIncident_EachReportsFacts_ForAnalystsAndAdminsOnly(string key, bool shown)
    {
        var harness = await ApiHarness.CreateAsync();
        var id = await harness.SubmitAsync();
        var get = harness.Request("GET", $"/api/incidents/{id}", key);

        var response = await HttpCalls.ExecuteAsync(get, await harness.Get<IncidentEndpoints>().GetIncident(get, id, CancellationToken.None));

        var report = Assert.Single(response.Json.GetProperty("reports").EnumerateArray());
        Assert.Equal(shown, report.TryGetProperty("facts", out var facts));
        if (shown)
        {
            Assert.Equal("Russian Federation", facts.GetProperty("attribution").GetProperty("actor").GetString());
            Assert.Equal("C", facts.GetProperty("source").GetProperty("reliability").GetString());
        }
    }
}
