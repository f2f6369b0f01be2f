using System.Net;
using System.Text.Json;
using Alerts.Core.Storage;
using Alerts.Testing;
using Azure.Data.Tables;

namespace Alerts.Server.Tests;

/// <summary>The subscriber admin API end to end, over real Kestrel and Azurite; each test has a server and account of its own.</summary>
public class SubscriberApiTests
{
    private const string Subscribers = "/api/subscribers";

    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static string Webhook(string name = "Border desk", string url = "https://hooks.example.org/alerts") => $$$"""
        {"name":"{{{name}}}","channel":"webhook","url":"{{{url}}}","filters":{"countries":["pl","LT"],"minimumSeverity":"severe","categories":["missile-impact"]}}
        """;

    private const string Email = """{"name":"Duty officer","channel":"email","email":"duty@example.org"}""";

    private static async Task<JsonElement> CreateAsync(RunningServer server, string body)
    {
        var response = await server.Client.SendAsync(server.Request(HttpMethod.Post, Subscribers, RunningServer.AdminKey, body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Json(response);
    }

    private static async Task<HttpResponseMessage> SendAsync(RunningServer server, HttpMethod method, string path, string? body = null) =>
        await server.Client.SendAsync(server.Request(method, path, RunningServer.AdminKey, body));

    private static async Task<TableEntity> StoredRowAsync(RunningServer server, string id) =>
        Assert.Single(await StorageProbe.RowsAsync(server.Account, TableNames.Subscribers), r => r.RowKey == id);

    [Fact]
    public async Task CreateWebhook_Is201WithTheSecretOnce_SecretIsStoredButNeverShownAgain()
    {
        await using var server = await RunningServer.StartAsync();

        var post = await server.Client.SendAsync(server.Request(HttpMethod.Post, Subscribers, RunningServer.AdminKey, Webhook()));

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var created = await Json(post);
        var id = created.GetProperty("subscriberId").GetString()!;
        Assert.Equal($"/api/subscribers/{id}", post.Headers.Location!.OriginalString);
        Assert.Matches("^sub-[0-9]{2}-[0-9a-z]{16}$", id);
        Assert.Equal("Border desk", created.GetProperty("name").GetString());
        Assert.Equal("webhook", created.GetProperty("channel").GetString());
        Assert.Equal("https://hooks.example.org/alerts", created.GetProperty("url").GetString());
        Assert.False(created.TryGetProperty("email", out _));
        var filters = created.GetProperty("filters");
        Assert.Equal(["PL", "LT"], filters.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("severe", filters.GetProperty("minimumSeverity").GetString());
        Assert.Equal(["missile-impact"], filters.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.True(created.GetProperty("enabled").GetBoolean());
        Assert.False(created.TryGetProperty("previousSecretExpiresAt", out _));
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        var get = await SendAsync(server, HttpMethod.Get, $"/api/subscribers/{id}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var getText = await get.Content.ReadAsStringAsync();
        var shown = JsonDocument.Parse(getText).RootElement;
        Assert.Equal(id, shown.GetProperty("subscriberId").GetString());
        Assert.Equal("https://hooks.example.org/alerts", shown.GetProperty("url").GetString());
        Assert.False(shown.TryGetProperty("secret", out _));
        Assert.DoesNotContain(secret, getText, StringComparison.Ordinal);

        var listText = await (await SendAsync(server, HttpMethod.Get, Subscribers)).Content.ReadAsStringAsync();
        var listed = Assert.Single(JsonDocument.Parse(listText).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(id, listed.GetProperty("subscriberId").GetString());
        Assert.False(listed.TryGetProperty("secret", out _));
        Assert.DoesNotContain(secret, listText, StringComparison.Ordinal);

        var row = await StoredRowAsync(server, id);
        Assert.Contains(secret, row.GetString("Secrets"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateEmail_Is201WithoutASecret()
    {
        await using var server = await RunningServer.StartAsync();

        var post = await server.Client.SendAsync(server.Request(HttpMethod.Post, Subscribers, RunningServer.AdminKey, Email));

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var created = await Json(post);
        var id = created.GetProperty("subscriberId").GetString()!;
        Assert.Equal($"/api/subscribers/{id}", post.Headers.Location!.OriginalString);
        Assert.Equal("email", created.GetProperty("channel").GetString());
        Assert.Equal("duty@example.org", created.GetProperty("email").GetString());
        Assert.False(created.TryGetProperty("url", out _));
        Assert.False(created.TryGetProperty("secret", out _));
        Assert.Empty(created.GetProperty("filters").GetProperty("countries").EnumerateArray());
        Assert.Equal("unknown", created.GetProperty("filters").GetProperty("minimumSeverity").GetString());
        Assert.True(created.GetProperty("enabled").GetBoolean());
        Assert.Equal("[]", (await StoredRowAsync(server, id)).GetString("Secrets"));
    }

    [Fact]
    public async Task List_ThreeSubscribersInPagesOfTwo_TwoThenOne()
    {
        await using var server = await RunningServer.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await CreateAsync(server, Webhook($"Desk {i}", $"https://hooks.example.org/{i}"))).GetProperty("subscriberId").GetString()!);
        }

        var first = await SendAsync(server, HttpMethod.Get, $"{Subscribers}?pageSize=2");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstPage = await Json(first);
        Assert.Equal(2, firstPage.GetProperty("items").GetArrayLength());
        var token = firstPage.GetProperty("continuationToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));

        var secondPage = await Json(await SendAsync(server, HttpMethod.Get, $"{Subscribers}?pageSize=2&continuationToken={Uri.EscapeDataString(token!)}"));
        Assert.Equal(1, secondPage.GetProperty("items").GetArrayLength());
        Assert.False(secondPage.TryGetProperty("continuationToken", out _));

        var listed = firstPage.GetProperty("items").EnumerateArray().Concat(secondPage.GetProperty("items").EnumerateArray())
            .Select(s => s.GetProperty("subscriberId").GetString()!).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), listed); // id order, which is shard order
    }

    [Fact]
    public async Task Put_ReplacesNameUrlFiltersAndEnabled()
    {
        await using var server = await RunningServer.StartAsync();
        var created = await CreateAsync(server, Webhook());
        var id = created.GetProperty("subscriberId").GetString()!;
        var secret = created.GetProperty("secret").GetString()!;
        const string replacement = """
            {"name":"Night desk","channel":"webhook","url":"https://night.example.org/hook","filters":{"countries":["ee"],"minimumSeverity":"extreme"},"enabled":false}
            """;

        var put = await SendAsync(server, HttpMethod.Put, $"/api/subscribers/{id}", replacement);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.False((await Json(put)).TryGetProperty("secret", out _));
        var shown = await Json(await SendAsync(server, HttpMethod.Get, $"/api/subscribers/{id}"));
        Assert.Equal(id, shown.GetProperty("subscriberId").GetString());
        Assert.Equal("Night desk", shown.GetProperty("name").GetString());
        Assert.Equal("webhook", shown.GetProperty("channel").GetString());
        Assert.Equal("https://night.example.org/hook", shown.GetProperty("url").GetString());
        Assert.Equal(["EE"], shown.GetProperty("filters").GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("extreme", shown.GetProperty("filters").GetProperty("minimumSeverity").GetString());
        Assert.Empty(shown.GetProperty("filters").GetProperty("categories").EnumerateArray());
        Assert.False(shown.GetProperty("enabled").GetBoolean());
        Assert.Equal(created.GetProperty("createdAt").GetDateTimeOffset(), shown.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Contains(secret, (await StoredRowAsync(server, id)).GetString("Secrets"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_ChangingTheChannelIs400_UnknownIdIs404_AndNothingChanges()
    {
        await using var server = await RunningServer.StartAsync();
        var id = (await CreateAsync(server, Webhook())).GetProperty("subscriberId").GetString()!;

        var channelChange = await SendAsync(server, HttpMethod.Put, $"/api/subscribers/{id}", Email);
        var unknown = await SendAsync(server, HttpMethod.Put, "/api/subscribers/sub-07-0123456789abcdef", Webhook());
        var malformed = await SendAsync(server, HttpMethod.Put, "/api/subscribers/not-an-id", Webhook());

        Assert.Equal(HttpStatusCode.BadRequest, channelChange.StatusCode);
        Assert.Equal("application/problem+json", channelChange.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["channel"], (await Json(channelChange)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        var shown = await Json(await SendAsync(server, HttpMethod.Get, $"/api/subscribers/{id}"));
        Assert.Equal("webhook", shown.GetProperty("channel").GetString());
        Assert.Equal("https://hooks.example.org/alerts", shown.GetProperty("url").GetString());
        Assert.Single(await StorageProbe.RowsAsync(server.Account, TableNames.Subscribers));
    }

    [Fact]
    public async Task Delete_Is204_ThenGetAndDeleteAre404()
    {
        await using var server = await RunningServer.StartAsync();
        var id = (await CreateAsync(server, Webhook())).GetProperty("subscriberId").GetString()!;

        var delete = await SendAsync(server, HttpMethod.Delete, $"/api/subscribers/{id}");
        var get = await SendAsync(server, HttpMethod.Get, $"/api/subscribers/{id}");
        var again = await SendAsync(server, HttpMethod.Delete, $"/api/subscribers/{id}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await StorageProbe.RowsAsync(server.Account, TableNames.Subscribers));
    }

    [Fact]
    public async Task RotateSecret_NewSecretOnce_OldOneSignsForTheConfiguredGrace()
    {
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string> { ["Subscribers:SecretRotationGrace"] = "00:10:00" });
        var created = await CreateAsync(server, Webhook());
        var id = created.GetProperty("subscriberId").GetString()!;
        var first = created.GetProperty("secret").GetString()!;

        // Bracketing the request with the clock checks the configured grace, not how fast the server is.
        var before = DateTimeOffset.UtcNow;
        var rotate = await SendAsync(server, HttpMethod.Post, $"/api/subscribers/{id}/rotate-secret");
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        var rotated = await Json(rotate);
        Assert.Equal(id, rotated.GetProperty("subscriberId").GetString());
        var second = rotated.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        var expiresAt = rotated.GetProperty("previousSecretExpiresAt").GetDateTimeOffset();
        Assert.True(expiresAt > after, $"{expiresAt:O} is not in the future");
        Assert.InRange(expiresAt, before + Grace, after + Grace);

        var stored = JsonDocument.Parse((await StoredRowAsync(server, id)).GetString("Secrets")).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, stored.Count);
        var current = Assert.Single(stored, s => s.GetProperty("secret").GetString() == second);
        var previous = Assert.Single(stored, s => s.GetProperty("secret").GetString() == first);
        Assert.False(current.TryGetProperty("expiresAt", out var currentExpiry) && currentExpiry.ValueKind != JsonValueKind.Null);
        Assert.Equal(expiresAt, previous.GetProperty("expiresAt").GetDateTimeOffset());

        var getText = await (await SendAsync(server, HttpMethod.Get, $"/api/subscribers/{id}")).Content.ReadAsStringAsync();
        var shown = JsonDocument.Parse(getText).RootElement;
        Assert.False(shown.TryGetProperty("secret", out _));
        Assert.Equal(expiresAt, shown.GetProperty("previousSecretExpiresAt").GetDateTimeOffset());
        Assert.DoesNotContain(first, getText, StringComparison.Ordinal);
        Assert.DoesNotContain(second, getText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateSecret_EmailSubscriberIs409_UnknownIs404()
    {
        await using var server = await RunningServer.StartAsync();
        var id = (await CreateAsync(server, Email)).GetProperty("subscriberId").GetString()!;

        var email = await SendAsync(server, HttpMethod.Post, $"/api/subscribers/{id}/rotate-secret");
        var unknown = await SendAsync(server, HttpMethod.Post, "/api/subscribers/sub-07-0123456789abcdef/rotate-secret");

        Assert.Equal(HttpStatusCode.Conflict, email.StatusCode);
        Assert.Equal("application/problem+json", email.Content.Headers.ContentType?.MediaType);
        Assert.Equal(409, (await Json(email)).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("[]", (await StoredRowAsync(server, id)).GetString("Secrets"));
    }
}
