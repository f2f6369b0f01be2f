using System.Net;
using System.Text;
using Alerts.Testing;

namespace Alerts.Server.Tests;

/// <summary>Every bad analyst request is a problem+json naming what was wrong, and the incident is left exactly as it was.</summary>
public class AnalystDecisionRejectionTests(LongHoldServerFixture fixture) : IClassFixture<LongHoldServerFixture>
{
    private static int next;

    public static TheoryData<string, string, string, string?, string, HttpStatusCode, string?> BadRequests => new()
    {
        // why, method, action ("" = PATCH the incident), key (null = analyst), body, expected status, field named in errors
        { "unknown severity", "PATCH", "", null, """{"severity":"apocalyptic"}""", HttpStatusCode.BadRequest, "severity" },
        { "unknown field", "PATCH", "", null, """{"severty":"extreme"}""", HttpStatusCode.BadRequest, "severty" },
        { "wrong type", "PATCH", "", null, """{"location":{"lat":"north"}}""", HttpStatusCode.BadRequest, "location.lat" },
        { "not an object", "PATCH", "", null, "[1]", HttpStatusCode.BadRequest, "$" },
        { "stale or foreign ETag", "PATCH", "", null, """{"summary":"x"}""", HttpStatusCode.PreconditionFailed, null },
        { "both until and by", "POST", "extend", null, """{"until":"2099-01-01T00:00:00Z","by":"00:10:00"}""", HttpStatusCode.BadRequest, "until" },
        { "negative by", "POST", "extend", null, """{"by":"-00:10:00"}""", HttpStatusCode.BadRequest, "by" },
        { "until in the past", "POST", "extend", null, """{"until":"2000-01-01T00:00:00Z"}""", HttpStatusCode.BadRequest, "until" },
        { "retract without reason", "POST", "retract", null, "{}", HttpStatusCode.BadRequest, "reason" },
        { "reporter confirms", "POST", "confirm", RunningServer.ReporterKey, "{}", HttpStatusCode.Forbidden, null },
        { "no key", "POST", "retract", "", """{"reason":"x"}""", HttpStatusCode.Unauthorized, null },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadDecision_IsAProblem_AndChangesNothing(string why, string method, string action, string? key, string body, HttpStatusCode expected, string? field)
    {
        var server = fixture.Server;
        var id = await HeldIncidentAsync(server);
        var (before, etag) = await server.Incident(id);

        var request = server.Request(new HttpMethod(method), action.Length == 0 ? $"/api/incidents/{id}" : $"/api/incidents/{id}/{action}", key is null ? RunningServer.AnalystKey : key.Length == 0 ? null : key);
        request.Content = new StringContent(body, Encoding.UTF8, method == "PATCH" ? "application/merge-patch+json" : "application/json");
        if (method == "PATCH")
        {
            request.Headers.TryAddWithoutValidation("If-Match", why.Contains("ETag", StringComparison.Ordinal) ? "\"bm90LW91cnM\"" : etag);
        }

        var response = await server.Client.SendAsync(request);

        Assert.True(expected == response.StatusCode, $"{why}: expected {expected}, got {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.True((await response.Json()).GetProperty("errors").TryGetProperty(field, out _), $"{why}: errors should name {field}");
        }

        var (after, etagAfter) = await server.Incident(id);
        Assert.Equal(etag, etagAfter);
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Fact]
    public async Task DecisionOnAnUnknownIncident_Is404_AndConfirmingARetractedOneIs409()
    {
        var server = fixture.Server;
        var missing = await server.Decide("inc-0000000000nothere", "confirm", "{}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var id = await HeldIncidentAsync(server);
        Assert.Equal(HttpStatusCode.OK, (await server.Decide(id, "retract", """{"reason":"duplicate"}""")).StatusCode);
        var (before, _) = await server.Incident(id);

        var conflict = await server.Decide(id, "confirm", "{}");

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before.GetRawText(), (await server.Incident(id)).View.GetRawText());
    }

    /// <summary>A report of its own event, held for an hour so nothing but the test's request can change it.</summary>
    private static async Task<string> HeldIncidentAsync(RunningServer server) =>
        (await server.Report(SampleReports.Distinct(Interlocked.Increment(ref next), $"rej-{Guid.NewGuid():N}"))).GetProperty("incidentId").GetString()!;
}
