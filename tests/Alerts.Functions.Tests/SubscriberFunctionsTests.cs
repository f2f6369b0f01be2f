namespace Alerts.Functions.Tests;

/// <summary>Subscriber management as HTTP triggers, called with real requests.</summary>
public class SubscriberFunctionsTests
{
    [Fact]
    public async Task CreateListGetReplaceRotateDelete()
    {
        var harness = await FunctionsHarness.CreateAsync();
        var functions = harness.Function<SubscriberFunctions>();
        const string webhook = """{"name":"MoD","channel":"webhook","url":"https://example.org/alerts","filters":{"countries":["PL"]}}""";

        var create = harness.Request("POST", "/api/subscribers", FunctionsHarness.AdminKey, webhook);
        var created = await FunctionsHarness.Execute(create, await functions.CreateSubscriber(create, CancellationToken.None));
        var id = created.Json.GetProperty("subscriberId").GetString()!;
        var list = harness.Request("GET", "/api/subscribers", FunctionsHarness.AdminKey);
        var listed = await FunctionsHarness.Execute(list, await functions.ListSubscribers(list, CancellationToken.None));
        var replace = harness.Request("PUT", $"/api/subscribers/{id}", FunctionsHarness.AdminKey, webhook.Replace("\"MoD\"", "\"MoD situation centre\"", StringComparison.Ordinal));
        var replaced = await FunctionsHarness.Execute(replace, await functions.ReplaceSubscriber(replace, id, CancellationToken.None));
        var rotate = harness.Request("POST", $"/api/subscribers/{id}/rotate-secret", FunctionsHarness.AdminKey);
        var rotated = await FunctionsHarness.Execute(rotate, await functions.RotateSubscriberSecret(rotate, id, CancellationToken.None));
        var get = harness.Request("GET", $"/api/subscribers/{id}", FunctionsHarness.AdminKey);
        var got = await FunctionsHarness.Execute(get, await functions.GetSubscriber(get, id, CancellationToken.None));
        var delete = harness.Request("DELETE", $"/api/subscribers/{id}", FunctionsHarness.AdminKey);
        var deleted = await FunctionsHarness.Execute(delete, await functions.DeleteSubscriber(delete, id, CancellationToken.None));
        var again = harness.Request("GET", $"/api/subscribers/{id}", FunctionsHarness.AdminKey);
        var gone = await FunctionsHarness.Execute(again, await functions.GetSubscriber(again, id, CancellationToken.None));

        Assert.Equal((201, 200, 200, 200, 200, 204, 404), (created.Status, listed.Status, replaced.Status, rotated.Status, got.Status, deleted.Status, gone.Status));
        Assert.Equal(id, listed.Json.GetProperty("items")[0].GetProperty("subscriberId").GetString());
        Assert.Equal("MoD situation centre", got.Json.GetProperty("name").GetString());
        Assert.NotEqual(created.Json.GetProperty("secret").GetString(), rotated.Json.GetProperty("secret").GetString());
    }

    [Fact]
    public async Task AnAnalystKey_MayNotManageSubscribers()
    {
        var harness = await FunctionsHarness.CreateAsync();
        var list = harness.Request("GET", "/api/subscribers", FunctionsHarness.AnalystKey);

        var response = await FunctionsHarness.Execute(list, await harness.Function<SubscriberFunctions>().ListSubscribers(list, CancellationToken.None));

        Assert.Equal(403, response.Status);
    }

    [Fact]
    public async Task ListSubscriberDeliveries_AKnownSubscriber_200_AnUnknownOne_404()
    {
        var harness = await FunctionsHarness.CreateAsync();
        var functions = harness.Function<SubscriberFunctions>();
        var create = harness.Request("POST", "/api/subscribers", FunctionsHarness.AdminKey, """{"name":"MoD","channel":"webhook","url":"https://example.org/a","filters":{}}""");
        var id = (await FunctionsHarness.Execute(create, await functions.CreateSubscriber(create, CancellationToken.None))).Json.GetProperty("subscriberId").GetString()!;

        var known = harness.Request("GET", $"/api/subscribers/{id}/deliveries", FunctionsHarness.AdminKey);
        var listed = await FunctionsHarness.Execute(known, await functions.ListSubscriberDeliveries(known, id, CancellationToken.None));
        var unknown = harness.Request("GET", "/api/subscribers/sub-01-0000000000000001/deliveries", FunctionsHarness.AdminKey);
        var missing = await FunctionsHarness.Execute(unknown, await functions.ListSubscriberDeliveries(unknown, "sub-01-0000000000000001", CancellationToken.None));

        Assert.Equal(200, listed.Status);
        Assert.Equal(0, listed.Json.GetProperty("items").GetArrayLength());
        Assert.Equal(404, missing.Status);
        Assert.True(missing.IsProblem);
    }
}
