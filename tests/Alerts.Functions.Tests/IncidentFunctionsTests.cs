using System.Text.Json;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Alerts.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Functions.Tests;

/// <summary>The Function classes called directly with real HttpRequests and queue payloads.</summary>
public class IncidentFunctionsTests
{
    [Fact]
    public async Task SubmitIncident_ValidReport_202WithLocation_ThenGetAndListSeeIt()
    {
        var harness = await FunctionsHarness.CreateAsync();
        var functions = harness.Services.GetRequiredService<IncidentFunctions>();

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
        var functions = harness.Services.GetRequiredService<IncidentFunctions>();

        var post = harness.Request("POST", "/api/incidents", key, SampleReports.Json(SampleReports.Przewodow()), contentType);
        var (status, headers, _) = await FunctionsHarness.Execute(post, await functions.SubmitIncident(post, CancellationToken.None));

        Assert.Equal(expected, status);
        Assert.StartsWith("application/problem+json", headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.Empty(await StorageProbe.RowsAsync(harness.Account, TableNames.Incidents));
    }

    [Fact]
    public async Task ReleaseIncident_QueuePayload_ReleasesOnce_AndSweepFindsNothingLeft()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var harness = await FunctionsHarness.CreateAsync(time);
        var functions = harness.Services.GetRequiredService<IncidentFunctions>();
        var post = harness.Request("POST", "/api/incidents", FunctionsHarness.ReporterKey, SampleReports.Json(SampleReports.Przewodow()));
        var (_, _, body) = await FunctionsHarness.Execute(post, await functions.SubmitIncident(post, CancellationToken.None));
        var accepted = JsonDocument.Parse(body).RootElement;
        var id = accepted.GetProperty("incidentId").GetString()!;
        time.Advance(TimeSpan.FromMinutes(2));

        var release = harness.Services.GetRequiredService<ReleaseFunctions>();
        var payload = QueueMessages.Serialize(new ReleaseMessage(id, accepted.GetProperty("holdUntil").GetDateTimeOffset()));
        await release.ReleaseIncident(payload, CancellationToken.None);
        await release.ReleaseIncident(payload, CancellationToken.None);
        await release.SweepReleases(new TimerInfo(), CancellationToken.None);

        var rows = await StorageProbe.RowsAsync(harness.Account, TableNames.Incidents, id);
        Assert.Equal(nameof(IncidentStatus.Released), rows.Single(r => r.RowKey == "incident").GetString("Status"));
        Assert.Single(rows, r => r.GetString("Action") == TimelineActions.Released);
    }

    [Fact]
    public async Task ReleaseIncident_MalformedPayload_Throws_SoTheHostRetriesThenPoisons()
    {
        var harness = await FunctionsHarness.CreateAsync();

        await Assert.ThrowsAsync<QueueMessageFormatException>(() =>
            harness.Services.GetRequiredService<ReleaseFunctions>().ReleaseIncident("{not json", CancellationToken.None));
    }

    [Fact]
    public async Task Health_StorageUp_200()
    {
        var harness = await FunctionsHarness.CreateAsync();
        var request = harness.Request("GET", "/api/health", key: null);

        var (status, _, _) = await FunctionsHarness.Execute(request, await harness.Services.GetRequiredService<HealthFunction>().Health(request, CancellationToken.None));

        Assert.Equal(200, status);
    }
}
