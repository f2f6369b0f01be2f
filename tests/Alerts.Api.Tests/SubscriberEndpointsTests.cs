using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Api.Tests;

/// <summary>Subscriber management, called by name: the registry's rules reach the admin as problems.</summary>
public class SubscriberEndpointsTests
{
    private const string Webhook = """{"name":"MoD","channel":"webhook","url":"https://example.org/alerts","filters":{"countries":["PL"]}}""";
    private const string Email = """{"name":"Duty officer","channel":"email","email":"duty@ministry.example","filters":{}}""";

    private static async Task<(ApiHarness Harness, string Id, HttpCallResponse Created)> CreateAsync(string body)
    {
        var harness = await ApiHarness.CreateAsync();
        var post = harness.Request("POST", "/api/subscribers", TestApiKeys.Admin, body);
        var created = await HttpCalls.ExecuteAsync(post, await harness.Get<SubscriberEndpoints>().CreateSubscriber(post, CancellationToken.None));
        return (harness, created.Json.GetProperty("subscriberId").GetString()!, created);
    }

    [Fact]
    public async Task CreateSubscriber_Webhook_201WithItsSecretOnce()
    {
        var (harness, id, created) = await CreateAsync(Webhook);
        var get = harness.Request("GET", $"/api/subscribers/{id}", TestApiKeys.Admin);
        var read = await HttpCalls.ExecuteAsync(get, await harness.Get<SubscriberEndpoints>().GetSubscriber(get, id, CancellationToken.None));

        Assert.Equal(201, created.Status);
        Assert.StartsWith("whsec_", created.Json.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/api/subscribers/{id}", created.Headers.Location.ToString());
        Assert.Equal(200, read.Status);
        Assert.False(read.Json.TryGetProperty("secret", out _));
    }

    [Fact]
    public async Task ReplaceSubscriber_ChangingTheChannel_Is400NamingChannel_AndChangesNothing()
    {
        var (harness, id, _) = await CreateAsync(Webhook);
        var before = (await StorageProbe.RowsAsync(harness.Account, TableNames.Subscribers)).Single().ETag;
        var put = harness.Request("PUT", $"/api/subscribers/{id}", TestApiKeys.Admin, Email);

        var response = await HttpCalls.ExecuteAsync(put, await harness.Get<SubscriberEndpoints>().ReplaceSubscriber(put, id, CancellationToken.None));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("channel", out _));
        Assert.Equal(before, (await StorageProbe.RowsAsync(harness.Account, TableNames.Subscribers)).Single().ETag);
    }

    [Fact]
    public async Task RotateSecret_OfAnEmailSubscriber_Is409()
    {
        var (harness, id, _) = await CreateAsync(Email);
        var post = harness.Request("POST", $"/api/subscribers/{id}/rotate-secret", TestApiKeys.Admin);

        var response = await HttpCalls.ExecuteAsync(post, await harness.Get<SubscriberEndpoints>().RotateSecret(post, id, CancellationToken.None));

        Assert.Equal(409, response.Status);
        Assert.True(response.IsProblem);
    }

    [Fact]
    public async Task RotateSecret_OfAWebhook_IsANewSecret_AndTheOldOneGetsAnExpiry()
    {
        var (harness, id, created) = await CreateAsync(Webhook);
        var post = harness.Request("POST", $"/api/subscribers/{id}/rotate-secret", TestApiKeys.Admin);

        var response = await HttpCalls.ExecuteAsync(post, await harness.Get<SubscriberEndpoints>().RotateSecret(post, id, CancellationToken.None));

        Assert.Equal(200, response.Status);
        Assert.NotEqual(created.Json.GetProperty("secret").GetString(), response.Json.GetProperty("secret").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.String, response.Json.GetProperty("previousSecretExpiresAt").ValueKind);
    }

    [Theory]
    [InlineData("sub-01-0000000000000001")]
    [InlineData("not-an-id")]
    public async Task UnknownSubscribers_Are404(string id)
    {
        var harness = await ApiHarness.CreateAsync();
        var endpoints = harness.Get<SubscriberEndpoints>();
        var delete = harness.Request("DELETE", $"/api/subscribers/{id}", TestApiKeys.Admin);
        var put = harness.Request("PUT", $"/api/subscribers/{id}", TestApiKeys.Admin, Webhook);
        var rotate = harness.Request("POST", $"/api/subscribers/{id}/rotate-secret", TestApiKeys.Admin);

        Assert.Equal(404, (await HttpCalls.ExecuteAsync(delete, await endpoints.DeleteSubscriber(delete, id, CancellationToken.None))).Status);
        Assert.Equal(404, (await HttpCalls.ExecuteAsync(put, await endpoints.ReplaceSubscriber(put, id, CancellationToken.None))).Status);
        Assert.Equal(404, (await HttpCalls.ExecuteAsync(rotate, await endpoints.RotateSecret(rotate, id, CancellationToken.None))).Status);
    }

    [Theory]
    [InlineData(TestApiKeys.Analyst, 403)]
    [InlineData(TestApiKeys.Admin, 200)]
    public async Task ListSubscribers_IsForAdmins(string key, int status)
    {
        var (harness, _, _) = await CreateAsync(Webhook);
        var get = harness.Request("GET", "/api/subscribers", key);

        var response = await HttpCalls.ExecuteAsync(get, await harness.Get<SubscriberEndpoints>().ListSubscribers(get, CancellationToken.None));

        Assert.Equal(status, response.Status);
    }
}
