using System.Text.Json;
using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Functions.Tests;

/// <summary>The Function classes called directly with real HttpRequests and queue payloads.</summary>
public class IncidentFunctionsTests
{
    [Fact]
    public async Task SubmitIncident_ValidReport_202WithLocation_ThenGetAndListSeeIt()
    {
        var harness = await FunctionsHarness.CreateAsync();
        var functions = harness.Function<IncidentFunctions>();

        var post = harness.Request("POST", "/api/incidents", FunctionsHarness.ReporterKey, SampleReports.Json(SampleReports.Przewodow()));
        var (status, headers, body) = await FunctionsHarness.Execute(post, await functions.SubmitIncident(post, CancellationToken.None));

        Assert.Equal(202, status);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("incidentId").GetString()!;
        Assert.Equal($"/api/incidents/{id}", headers.Location.ToString());

        var get = harness.Request("GET", $"/api/incidents/{id}", FunctionsHarness.AnalystKey);
        var (getStatus, getHeaders, getBody) = await FunctionsHarness.Execute(get, await functions.GetIncident(get, id, CancellationToken.None));
        Assert.Equal(200, getStatus);
        Assert.False(string.IsNullOrEmpty(getHeaders.ETag));
        Assert.Equal("held", JsonDocument.Parse(getBody).RootElement.GetProperty("status").GetString());

        var list = harness.Request("GET", "/api/incidents", FunctionsHarness.AnalystKey);
        list.QueryString = new Microsoft.AspNetCore.Http.QueryString("?status=held");
        var (_, _, listBody) = await FunctionsHarness.Execute(list, await functions.ListIncidents(list, CancellationToken.None));
        Assert.Equal(id, JsonDocument.Parse(listBody).RootElement.GetProperty("items")[0].GetProperty("incidentId").GetString());
    }

    [Theory]
    [InlineData(null, "application/json", 401)]
    [InlineData(FunctionsHarness.AnalystKey, "application/json", 403)]
    [InlineData(FunctionsHarness.ReporterKey, "text/xml", 415)]
    public async Task SubmitIncident_Rejected_IsProblemJson(string? key, string contentType, int expected)
    {
        var harness = await FunctionsHarness.CreateAsync();
        var functions = harness.Function<IncidentFunctions>();

        var post = harness.Request("POST", "/api/incidents", key, SampleReports.Json(SampleReports.Przewodow()), contentType);
        var (status, headers, _) = await FunctionsHarness.Execute(post, await functions.SubmitIncident(post, CancellationToken.None));

        Assert.Equal(expected, status);
        Assert.StartsWith("application/problem+json", headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.Empty(await StorageProbe.RowsAsync(harness.Account, TableNames.Incidents));
    }

    [Fact]
    public async Task GetAudience_CountsTheMatchingSubscribers()
    {
        var harness = await FunctionsHarness.CreateAsync();
        var id = (await harness.SubmitAsync()).GetProperty("incidentId").GetString()!;
        var subscribe = harness.Request("POST", "/api/subscribers", FunctionsHarness.AdminKey, """{"name":"MoD","channel":"webhook","url":"https://example.org/a","filters":{"countries":["PL"]}}""");
        Assert.Equal(201, (await FunctionsHarness.Execute(subscribe, await harness.Function<SubscriberFunctions>().CreateSubscriber(subscribe, CancellationToken.None))).Status);
        var get = harness.Request("GET", $"/api/incidents/{id}/audience", FunctionsHarness.AnalystKey);

        var response = await FunctionsHarness.Execute(get, await harness.Function<IncidentFunctions>().GetAudience(get, id, CancellationToken.None));

        Assert.Equal(200, response.Status);
        Assert.Equal(1, response.Json.GetProperty("subscribers").GetProperty("webhook").GetInt32());
    }
}
