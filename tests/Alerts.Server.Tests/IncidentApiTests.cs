using System.Net;
using System.Text.Json;
using Alerts.Core.Pipeline;
using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Server.Tests;

/// <summary>End to end through the standalone server's HTTP API, over real Kestrel and Azurite.</summary>
public class IncidentApiTests
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task PostedReport_IsHeld_ThenReleasedAfterTheHold()
    {
        await using var server = await RunningServer.StartAsync();

        var post = await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/incidents", RunningServer.ReporterKey, SampleReports.Json(SampleReports.Przewodow())));
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        var accepted = await Json(post);
        var id = accepted.GetProperty("incidentId").GetString()!;
        Assert.Equal("held", accepted.GetProperty("status").GetString());
        Assert.Equal($"/api/incidents/{id}", post.Headers.Location!.OriginalString);
        var holdUntil = accepted.GetProperty("holdUntil").GetDateTimeOffset();

        var first = await server.Client.SendAsync(server.Request(HttpMethod.Get, $"/api/incidents/{id}", RunningServer.AnalystKey));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal("held", (await Json(first)).GetProperty("status").GetString());

        var released = await Eventually.Until(
            async () => await Json(await server.Client.SendAsync(server.Request(HttpMethod.Get, $"/api/incidents/{id}", RunningServer.ReporterKey))),
            view => view.GetProperty("status").GetString() == "released");
        Assert.True(released.GetProperty("releasedAt").GetDateTimeOffset() >= holdUntil);
        Assert.Equal(
            ["received", "held", "released"],
            released.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()));
        Assert.Equal("reporter:reporter-one", released.GetProperty("timeline")[0].GetProperty("actor").GetString());
        Assert.Equal("system:alerts", released.GetProperty("timeline")[2].GetProperty("actor").GetString());
        Assert.Equal("reporter-one", released.GetProperty("reports")[0].GetProperty("reporterId").GetString());
    }

    [Fact]
    public async Task SameReportPostedTwice_ReturnsTheSameIncident()
    {
        await using var server = await RunningServer.StartAsync();
        var body = SampleReports.Json(SampleReports.Przewodow("r-twice"));

        var first = await Json(await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/incidents", RunningServer.ReporterKey, body)));
        var second = await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/incidents", RunningServer.ReporterKey, body));

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var again = await Json(second);
        Assert.Equal(first.GetProperty("incidentId").GetString(), again.GetProperty("incidentId").GetString());
        Assert.False(again.GetProperty("created").GetBoolean());
    }

    public static TheoryData<string, string?, string?, string, HttpStatusCode> RejectedRequests => new()
    {
        { "no key", null, SampleReports.Json(SampleReports.Przewodow()), "application/json", HttpStatusCode.Unauthorized },
        { "unknown key", "not-a-real-key-at-all", SampleReports.Json(SampleReports.Przewodow()), "application/json", HttpStatusCode.Unauthorized },
        { "analyst cannot report", RunningServer.AnalystKey, SampleReports.Json(SampleReports.Przewodow()), "application/json", HttpStatusCode.Forbidden },
        { "admin cannot report", RunningServer.AdminKey, SampleReports.Json(SampleReports.Przewodow()), "application/json", HttpStatusCode.Forbidden },
        { "invalid fields", RunningServer.ReporterKey, """{"reportId":"r 1","severity":"apocalyptic"}""", "application/json", HttpStatusCode.BadRequest },
        { "malformed json", RunningServer.ReporterKey, """{"reportId": "r-1", """, "application/json", HttpStatusCode.BadRequest },
        { "unknown field", RunningServer.ReporterKey, """{"reportId":"r-1","severty":"extreme"}""", "application/json", HttpStatusCode.BadRequest },
        { "json null", RunningServer.ReporterKey, "null", "application/json", HttpStatusCode.BadRequest },
        { "too large", RunningServer.ReporterKey, "{\"details\":\"" + new string('x', 40_000) + "\"}", "application/json", HttpStatusCode.RequestEntityTooLarge },
        { "wrong content type", RunningServer.ReporterKey, SampleReports.Json(SampleReports.Przewodow()), "text/plain", HttpStatusCode.UnsupportedMediaType },
    };

    [Theory]
    [MemberData(nameof(RejectedRequests))]
    public async Task RejectedReport_IsAProblemAndStoresNothing(string why, string? key, string? body, string contentType, HttpStatusCode expected)
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/incidents", key, body, contentType));

        Assert.True(expected == response.StatusCode, $"{why}: expected {expected}, got {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Empty(await StorageProbe.RowsAsync(server.Account, TableNames.Incidents));
        Assert.Empty(await StorageProbe.RowsAsync(server.Account, TableNames.IntakeIndex));
        Assert.Equal(0, await StorageProbe.QueueLengthAsync(server.Account, PipelineStages.ReleaseQueue));
    }

    [Fact]
    public async Task InvalidReport_ListsEachBadField()
    {
        await using var server = await RunningServer.StartAsync();
        var report = SampleReports.Przewodow();
        report.Severity = "apocalyptic";
        report.Location!.Lat = 123;

        var problem = await Json(await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/incidents", RunningServer.ReporterKey, SampleReports.Json(report))));

        var errors = problem.GetProperty("errors");
        Assert.Equal(["location.lat", "severity"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task ChunkedBodyOverTheCap_Is413()
    {
        await using var server = await RunningServer.StartAsync();
        var request = server.Request(HttpMethod.Post, "/api/incidents", RunningServer.ReporterKey);
        request.Content = new StreamContent(new MemoryStream(new byte[100_000]));
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task List_ReporterKey_Is403_AndBadStatusIs400()
    {
        await using var server = await RunningServer.StartAsync();

        var forbidden = await server.Client.SendAsync(server.Request(HttpMethod.Get, "/api/incidents?status=held", RunningServer.ReporterKey));
        var badStatus = await server.Client.SendAsync(server.Request(HttpMethod.Get, "/api/incidents?status=lost", RunningServer.AnalystKey));
        var badToken = await server.Client.SendAsync(server.Request(HttpMethod.Get, "/api/incidents?status=held&continuationToken=%%%", RunningServer.AnalystKey));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.True((await Json(badStatus)).GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badToken.StatusCode);
    }

    [Fact]
    public async Task List_HeldIncidents_NewestFirstInPages()
    {
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string> { ["Hold:Override"] = "01:00:00" });
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var accepted = await Json(await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/incidents", RunningServer.ReporterKey, SampleReports.Json(SampleReports.Distinct(i, $"r-{i}")))));
            ids.Add(accepted.GetProperty("incidentId").GetString()!);
            await Task.Delay(5); // distinct milliseconds, so "newest" is well defined
        }

        var first = await Json(await server.Client.SendAsync(server.Request(HttpMethod.Get, "/api/incidents?status=held&pageSize=2", RunningServer.AnalystKey)));
        var token = first.GetProperty("continuationToken").GetString();
        var second = await Json(await server.Client.SendAsync(server.Request(HttpMethod.Get, $"/api/incidents?status=held&pageSize=2&continuationToken={Uri.EscapeDataString(token!)}", RunningServer.AnalystKey)));

        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("incidentId").GetString()).ToList();
        Assert.Equal(Enumerable.Reverse(ids), listed);
        Assert.True(first.GetProperty("items")[0].GetProperty("holdRemainingSeconds").GetDouble() > 0);
        Assert.False(second.TryGetProperty("continuationToken", out _));
    }

    [Fact]
    public async Task GetIncident_UnknownId_Is404Problem()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Client.SendAsync(server.Request(HttpMethod.Get, "/api/incidents/inc-0000000000nothere", RunningServer.AnalystKey));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_NeedsNoKey_AndSays503WhenStorageIsDown()
    {
        await using var healthy = await RunningServer.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await healthy.Client.GetAsync("/api/health")).StatusCode);

        var port = FreePort.Next();
        await using var broken = await RunningServer.StartAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=nobody;AccountKey=bm9ib2R5;TableEndpoint=http://127.0.0.1:{port}/nobody;QueueEndpoint=http://127.0.0.1:{port}/nobody;BlobEndpoint=http://127.0.0.1:{port}/nobody;",
        });
        var response = await broken.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Issue 14: while storage does not answer, readiness fails and liveness holds; when it answers again, both pass.</summary>
    [Fact]
    public async Task StorageDown_ReadinessFails_LivenessHolds()
    {
        var account = await StorageAccount.CreateAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(account);
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string> { ["AzureWebJobsStorage"] = proxy.ConnectionString }, account);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/health/ready")).StatusCode);

        proxy.Rules = [new(StorageFault.Reset, 1, StorageFaultRule.Any)];
        var ready = await server.Client.GetAsync("/api/health/ready");
        var live = await server.Client.GetAsync("/api/health/live");
        proxy.Rules = [];
        var readyAgain = await server.Client.GetAsync("/api/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("storage", (await ready.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
    }
}
