using System.Net;
using System.Text.Json;
using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Server.Tests;

/// <summary>
/// Subscriber API requests that must be refused and store nothing. They share one server: none of them may write, so
/// every test can check that the subscribers table is still empty.
/// </summary>
public class SubscriberApiRejectionTests(RunningServerFixture fixture) : IClassFixture<RunningServerFixture>
{
    private const string Valid = """{"name":"Border desk","channel":"webhook","url":"https://hooks.example.org/alerts"}""";
    private const string SomeId = "sub-07-0123456789abcdef";

    private RunningServer Server => fixture.Server;

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task AssertProblemAndNothingStoredAsync(HttpResponseMessage response, HttpStatusCode expected, string why)
    {
        Assert.True(expected == response.StatusCode, $"{why}: expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Empty(await StorageProbe.RowsAsync(Server.Account, TableNames.Subscribers));
    }

    public static TheoryData<string, string, string[]> InvalidBodies => new()
    {
        { "empty object", "{}", ["channel", "name"] },
        { "name too long", $$"""{"name":"{{new string('n', 201)}}","channel":"email","email":"duty@example.org"}""", ["name"] },
        { "channel sms", """{"name":"Desk","channel":"sms"}""", ["channel"] },
        { "webhook url missing", """{"name":"Desk","channel":"webhook"}""", ["url"] },
        { "webhook url relative", """{"name":"Desk","channel":"webhook","url":"/hooks/alerts"}""", ["url"] },
        { "webhook url ftp", """{"name":"Desk","channel":"webhook","url":"ftp://hooks.example.org/alerts"}""", ["url"] },
        { "webhook url with credentials", """{"name":"Desk","channel":"webhook","url":"https://user:pass@hooks.example.org/alerts"}""", ["url"] },
        { "email on a webhook", """{"name":"Desk","channel":"webhook","url":"https://hooks.example.org/alerts","email":"duty@example.org"}""", ["email"] },
        { "email missing", """{"name":"Desk","channel":"email"}""", ["email"] },
        { "email not an address", """{"name":"Desk","channel":"email","email":"not-an-email"}""", ["email"] },
        { "email without domain", """{"name":"Desk","channel":"email","email":"a@"}""", ["email"] },
        { "url on an email subscriber", """{"name":"Desk","channel":"email","email":"duty@example.org","url":"https://hooks.example.org/alerts"}""", ["url"] },
        { "countries XX and POL", """{"name":"Desk","channel":"email","email":"duty@example.org","filters":{"countries":["XX","PL","POL"]}}""", ["filters.countries[0]", "filters.countries[2]"] },
        { "minimum severity huge", """{"name":"Desk","channel":"email","email":"duty@example.org","filters":{"minimumSeverity":"huge"}}""", ["filters.minimumSeverity"] },
        { "minimum severity upper case", """{"name":"Desk","channel":"email","email":"duty@example.org","filters":{"minimumSeverity":"Severe"}}""", ["filters.minimumSeverity"] },
        { "category meteor", """{"name":"Desk","channel":"email","email":"duty@example.org","filters":{"categories":["meteor"]}}""", ["filters.categories[0]"] },
        {
            "everything wrong at once",
            """{"name":"","channel":"webhook","url":"ftp://x","email":"duty@example.org","filters":{"countries":["XX"],"minimumSeverity":"huge","categories":["meteor"]}}""",
            ["email", "filters.categories[0]", "filters.countries[0]", "filters.minimumSeverity", "name", "url"]
        },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Create_InvalidBody_Is400NamingEachBadField(string why, string body, string[] fields)
    {
        var response = await Server.Client.SendAsync(Server.Request(HttpMethod.Post, "/api/subscribers", RunningServer.AdminKey, body));

        var text = await response.Content.ReadAsStringAsync();
        await AssertProblemAndNothingStoredAsync(response, HttpStatusCode.BadRequest, why);
        var named = JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.True(fields.SequenceEqual(named), $"{why}: expected [{string.Join(", ", fields)}], got {text}");
    }

    public static TheoryData<string, string?, string, HttpStatusCode> UnreadableBodies => new()
    {
        { "malformed json", """{"name": "Desk", """, "application/json", HttpStatusCode.BadRequest },
        { "json null", "null", "application/json", HttpStatusCode.BadRequest },
        { "json array", "[]", "application/json", HttpStatusCode.BadRequest },
        { "unknown field", """{"name":"Desk","chanel":"webhook"}""", "application/json", HttpStatusCode.BadRequest },
        { "no body", null, "application/json", HttpStatusCode.UnsupportedMediaType },
        { "wrong content type", Valid, "text/plain", HttpStatusCode.UnsupportedMediaType },
        { "form content type", Valid, "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType },
        { "too large", "{\"name\":\"" + new string('x', 20_000) + "\"}", "application/json", HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task Create_UnreadableBody_IsAProblem(string why, string? body, string contentType, HttpStatusCode expected)
    {
        var response = await Server.Client.SendAsync(Server.Request(HttpMethod.Post, "/api/subscribers", RunningServer.AdminKey, body, contentType));

        await AssertProblemAndNothingStoredAsync(response, expected, why);
    }

    public static TheoryData<string, string, string?, HttpStatusCode> Callers
    {
        get
        {
            var routes = new (string Method, string Path)[]
            {
                ("POST", "/api/subscribers"),
                ("GET", "/api/subscribers"),
                ("GET", $"/api/subscribers/{SomeId}"),
                ("PUT", $"/api/subscribers/{SomeId}"),
                ("DELETE", $"/api/subscribers/{SomeId}"),
                ("POST", $"/api/subscribers/{SomeId}/rotate-secret"),
            };
            var keys = new (string? Key, HttpStatusCode Expected)[]
            {
                (null, HttpStatusCode.Unauthorized),
                ("not-a-real-key-at-all", HttpStatusCode.Unauthorized),
                (RunningServer.AnalystKey, HttpStatusCode.Forbidden),
                (RunningServer.ReporterKey, HttpStatusCode.Forbidden),
            };
            var data = new TheoryData<string, string, string?, HttpStatusCode>();
            foreach (var (method, path) in routes)
            {
                foreach (var (key, expected) in keys)
                {
                    data.Add(method, path, key, expected);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task AnyRoute_WithoutAnAdminKey_Is401Or403(string method, string path, string? key, HttpStatusCode expected)
    {
        var body = method is "POST" or "PUT" ? Valid : null;

        var response = await Server.Client.SendAsync(Server.Request(new HttpMethod(method), path, key, body));

        await AssertProblemAndNothingStoredAsync(response, expected, $"{method} {path} with {key ?? "no key"}");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("two")]
    public async Task List_BadPageSize_Is400NamingPageSize(string pageSize)
    {
        var response = await Server.Client.SendAsync(Server.Request(HttpMethod.Get, $"/api/subscribers?pageSize={pageSize}", RunningServer.AdminKey));

        var text = await response.Content.ReadAsStringAsync();
        await AssertProblemAndNothingStoredAsync(response, HttpStatusCode.BadRequest, $"pageSize={pageSize}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("pageSize", out _), text);
    }

    [Fact]
    public async Task List_BadContinuationToken_Is400()
    {
        var response = await Server.Client.SendAsync(Server.Request(HttpMethod.Get, "/api/subscribers?continuationToken=%25%25%25", RunningServer.AdminKey));

        await AssertProblemAndNothingStoredAsync(response, HttpStatusCode.BadRequest, "bad continuation token");
    }

    [Theory]
    [InlineData("GET", SomeId)]
    [InlineData("DELETE", SomeId)]
    [InlineData("GET", "sub-..")]
    [InlineData("DELETE", "sub-99-0123456789abcdef")]
    [InlineData("POST", SomeId + "/rotate-secret")]
    public async Task UnknownOrMalformedId_Is404(string method, string id)
    {
        var response = await Server.Client.SendAsync(Server.Request(new HttpMethod(method), $"/api/subscribers/{id}", RunningServer.AdminKey));

        await AssertProblemAndNothingStoredAsync(response, HttpStatusCode.NotFound, $"{method} {id}");
    }
}
