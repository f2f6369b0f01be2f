using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Api.Tests;

/// <summary>
/// Issue 15, case 6: a document another parser could read differently, or text that would reach people with hidden
/// controls, is refused with a problem naming the field, and stores nothing.
/// </summary>
public class AmbiguousInputTests
{
    private const string Valid = """{"reportId":"r-1","occurredAt":"2026-11-26T11:55:00Z","category":"missile-impact","severity":"extreme","certainty":"possible","location":{"country":"PL","place":"Przewodów","lat":50.47,"lon":23.93},"summary":"Missile struck a grain dryer."}""";

    public static TheoryData<string, string> Reports => new()
    {
        { Valid.Replace("\"reportId\":\"r-1\"", "\"reportId\":\"r-1\",\"reportId\":\"r-2\"", StringComparison.Ordinal), "reportId" },
        { Valid.Replace("\"reportId\":\"r-1\"", "\"reportId\":\"r-1\",\"ReportId\":\"r-2\"", StringComparison.Ordinal), "ReportId" },
        { Valid.Replace("\"lat\":50.47", "\"lat\":50.47,\"lat\":10.0", StringComparison.Ordinal), "location.lat" },
        { Valid.Replace("\"lat\":50.47", "\"lat\":\"50.47\"", StringComparison.Ordinal), "location.lat" },
        { Valid.Replace("grain dryer.", "grain dryer.\\u0000", StringComparison.Ordinal), "summary" },
        { Valid.Replace("grain dryer.", "grain \\u202Eryrd\\u202C dryer.", StringComparison.Ordinal), "summary" },
        { Valid.Replace("grain dryer.", "grain dryer.\\r\\nBcc: all@example.org", StringComparison.Ordinal), "summary" },
        { Valid.Replace("Przewodów", "Przewodów\\u001b[2J", StringComparison.Ordinal), "location.place" },
        { Valid.Replace("Przewodów", "Przewo\\u2028dów", StringComparison.Ordinal), "location.place" },
        { Valid.Replace("Przewodów", "Przewo\\ud800dów", StringComparison.Ordinal), "location.place" },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task SubmitIncident_Ambiguous_Is400NamingTheField_AndStoresNothing(string body, string field)
    {
        var harness = await ApiHarness.CreateAsync();
        var post = harness.Request("POST", "/api/incidents", TestApiKeys.Reporter, body);

        var response = await HttpCalls.ExecuteAsync(post, await harness.Get<IncidentEndpoints>().SubmitIncident(post, CancellationToken.None));

        Assert.Equal(400, response.Status);
        Assert.True(response.IsProblem);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Body);
        Assert.Empty(await StorageProbe.RowsAsync(harness.Account, TableNames.Incidents));
    }

    [Fact]
    public async Task SubmitIncident_TheValidOne_IsAccepted()
    {
        var harness = await ApiHarness.CreateAsync(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)));
        var post = harness.Request("POST", "/api/incidents", TestApiKeys.Reporter, Valid);

        var response = await HttpCalls.ExecuteAsync(post, await harness.Get<IncidentEndpoints>().SubmitIncident(post, CancellationToken.None));

        Assert.Equal(202, response.Status);
    }

    [Fact]
    public async Task Details_MayHoldLineBreaks()
    {
        var harness = await ApiHarness.CreateAsync(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)));
        var post = harness.Request("POST", "/api/incidents", TestApiKeys.Reporter, Valid.Replace("\"summary\"", "\"details\":\"crater 3 m\\nfragments found\\tnorth\",\"summary\"", StringComparison.Ordinal));

        var response = await HttpCalls.ExecuteAsync(post, await harness.Get<IncidentEndpoints>().SubmitIncident(post, CancellationToken.None));

        Assert.Equal(202, response.Status);
    }

    [Theory]
    [InlineData("""{"summary":"a","summary":"b"}""", "summary")]
    [InlineData("""{"location":{"lat":1,"lat":2}}""", "location.lat")]
    public async Task Amend_WithAFieldGivenTwice_Is400_NotAServerError(string patch, string field)
    {
        var harness = await ApiHarness.CreateAsync();
        var id = await harness.SubmitAsync();
        var get = harness.Request("GET", $"/api/incidents/{id}", TestApiKeys.Analyst);
        var etag = (await HttpCalls.ExecuteAsync(get, await harness.Get<IncidentEndpoints>().GetIncident(get, id, CancellationToken.None))).Headers.ETag.ToString();
        var amend = harness.Request("PATCH", $"/api/incidents/{id}", TestApiKeys.Analyst, patch, "application/merge-patch+json");
        amend.Headers.IfMatch = etag;

        var response = await HttpCalls.ExecuteAsync(amend, await harness.Get<DecisionEndpoints>().Amend(amend, id, CancellationToken.None));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Body);
    }

    [Theory]
    [InlineData("""{"name":"MoD\u0007","channel":"email","email":"duty@ministry.example","filters":{}}""")]
    [InlineData("""{"name":"MoD\r\nX-Injected: yes","channel":"email","email":"duty@ministry.example","filters":{}}""")]
    [InlineData("""{"name":"\u202Edm","channel":"email","email":"duty@ministry.example","filters":{}}""")]
    public async Task CreateSubscriber_NameWithControls_Is400NamingName(string body)
    {
        var harness = await ApiHarness.CreateAsync();
        var post = harness.Request("POST", "/api/subscribers", TestApiKeys.Admin, body);

        var response = await HttpCalls.ExecuteAsync(post, await harness.Get<SubscriberEndpoints>().CreateSubscriber(post, CancellationToken.None));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("name", out _), response.Body);
        Assert.Empty(await StorageProbe.RowsAsync(harness.Account, TableNames.Subscribers));
    }

    [Fact]
    public async Task Extend_UntilThreeYearsAhead_IsRefusedLikeBy31Days()
    {
        var harness = await ApiHarness.CreateAsync();
        var id = await harness.SubmitAsync();
        var post = harness.Request("POST", $"/api/incidents/{id}/extend", TestApiKeys.Analyst, $$"""{"until":"{{DateTimeOffset.UtcNow.AddYears(3):O}}"}""");

        var response = await HttpCalls.ExecuteAsync(post, await harness.Get<DecisionEndpoints>().Extend(post, id, CancellationToken.None));

        Assert.Equal(400, response.Status);
        Assert.Contains("30 days", response.Json.GetProperty("errors").GetProperty("until")[0].GetString(), StringComparison.Ordinal);
    }
}
