using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Storage;
using Alerts.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Api.Tests;

/// <summary>Who was told what, and redelivery, called by name.</summary>
public class DeliveryEndpointsTests
{
    [Theory]
    [InlineData(true, "", 200)]
    [InlineData(false, "", 404)]
    [InlineData(true, "?pageSize=500", 400)]
    [InlineData(true, "?continuationToken=%%%", 400)]
    public async Task ListDeliveries(bool known, string query, int status)
    {
        var harness = await ApiHarness.CreateAsync();
        var id = known ? await harness.SubmitAsync() : "inc-zzzzzzzzzzzzzzzz";
        var get = harness.Request("GET", $"/api/incidents/{id}/deliveries", TestApiKeys.Analyst, query: query);

        var response = await HttpCalls.ExecuteAsync(get, await harness.Get<DeliveryEndpoints>().ListDeliveries(get, id, CancellationToken.None));

        Assert.Equal(status, response.Status);
        Assert.Equal(status != 200, response.IsProblem);
        if (status == 200)
        {
            Assert.Equal(0, response.Json.GetProperty("items").GetArrayLength());
        }
    }

    [Theory]
    [InlineData(TestApiKeys.Admin, "msg_not-a-delivery", 404)]
    [InlineData(TestApiKeys.Admin, "msg_inc-zzzzzzzzzzzzzzzz_n1_sub-01-0000000000000001", 404)]
    [InlineData(TestApiKeys.Analyst, "msg_inc-zzzzzzzzzzzzzzzz_n1_sub-01-0000000000000001", 403)]
    public async Task Redeliver_NeedsAnAdminAndADeliveryOfThisIncident(string key, string deliveryId, int status)
    {
        var harness = await ApiHarness.CreateAsync();
        var id = await harness.SubmitAsync();
        var post = harness.Request("POST", $"/api/incidents/{id}/deliveries/{deliveryId}/redeliver", key);

        var response = await HttpCalls.ExecuteAsync(post, await harness.Get<DeliveryEndpoints>().Redeliver(post, id, deliveryId, CancellationToken.None));

        Assert.Equal(status, response.Status);
        Assert.True(response.IsProblem);
    }

    [Fact]
    public async Task GetAudience_CountsWhoTheAlertWouldReach_ByChannel_AsTheFanoutChooses()
    {
        var harness = await ApiHarness.CreateAsync();
        var id = await harness.SubmitAsync();
        await SubscribeAsync(harness, """{"name":"MoD","channel":"webhook","url":"https://example.org/a","filters":{"countries":["PL"]}}""");
        await SubscribeAsync(harness, """{"name":"Embassy","channel":"email","email":"duty@embassy.example","filters":{"minimumSeverity":"severe"}}""");
        await SubscribeAsync(harness, """{"name":"Baltic","channel":"email","email":"desk@baltic.example","filters":{"countries":["LT"]}}""");
        await SubscribeAsync(harness, """{"name":"Off","channel":"webhook","url":"https://example.org/b","filters":{},"enabled":false}""");
        await SubscribeAsync(harness, """{"name":"Drills only","channel":"webhook","url":"https://example.org/c","filters":{"categories":["drone-incursion"]}}""");
        await SubscribeAsync(harness, """{"name":"Desk","channel":"email","email":"analyst@ministry.example","filters":{},"role":"analyst"}""");
        var get = harness.Request("GET", $"/api/incidents/{id}/audience", TestApiKeys.Analyst);

        var response = await HttpCalls.ExecuteAsync(get, await harness.Get<DeliveryEndpoints>().GetAudience(get, id, CancellationToken.None));

        Assert.Equal(200, response.Status);
        var subscribers = response.Json.GetProperty("subscribers");
        Assert.Equal((2, 1, 1), (subscribers.GetProperty("total").GetInt32(), subscribers.GetProperty("webhook").GetInt32(), subscribers.GetProperty("email").GetInt32()));
        var analysts = response.Json.GetProperty("analysts");
        Assert.Equal((1, 0, 1), (analysts.GetProperty("total").GetInt32(), analysts.GetProperty("webhook").GetInt32(), analysts.GetProperty("email").GetInt32()));
    }

    [Theory]
    [InlineData(TestApiKeys.Analyst, "inc-zzzzzzzzzzzzzzzz", 404)]
    [InlineData(TestApiKeys.Analyst, "not-an-incident", 404)]
    [InlineData(TestApiKeys.Reporter, null, 403)]
    public async Task GetAudience_Refused_IsAProblem(string key, string? incidentId, int status)
    {
        var harness = await ApiHarness.CreateAsync();
        var id = incidentId ?? await harness.SubmitAsync();
        var get = harness.Request("GET", $"/api/incidents/{id}/audience", key);

        var response = await HttpCalls.ExecuteAsync(get, await harness.Get<DeliveryEndpoints>().GetAudience(get, id, CancellationToken.None));

        Assert.Equal(status, response.Status);
        Assert.True(response.IsProblem);
    }

    [Fact]
    public async Task ListSubscriberDeliveries_TheSubscribersOwn_OfTheLast30Days_NewestIncidentFirst()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var harness = await ApiHarness.CreateAsync(time);
        var subscriber = await SubscribeAsync(harness, """{"name":"MoD","channel":"webhook","url":"https://example.org/a","filters":{}}""");
        var other = await SubscribeAsync(harness, """{"name":"Other","channel":"webhook","url":"https://example.org/b","filters":{}}""");
        var now = time.GetUtcNow();
        var older = IncidentId.New(now.AddDays(-2));
        var newer = IncidentId.New(now.AddHours(-1));
        var tooOld = IncidentId.New(now.AddDays(-31));
        await harness.Get<DeliveryStore>().CreateAsync(
        [
            Record(older, 1, subscriber, now), Record(older, 2, subscriber, now), Record(newer, 1, subscriber, now),
            Record(newer, 1, other, now), Record(tooOld, 1, subscriber, now),
        ], CancellationToken.None);
        var get = harness.Request("GET", $"/api/subscribers/{subscriber.Id}/deliveries", TestApiKeys.Admin);

        var response = await HttpCalls.ExecuteAsync(get, await harness.Get<DeliveryEndpoints>().ListSubscriberDeliveries(get, subscriber.Id, CancellationToken.None));

        Assert.Equal(200, response.Status);
        var items = response.Json.GetProperty("items").EnumerateArray().Select(d => (d.GetProperty("incidentId").GetString(), d.GetProperty("notice").GetInt32(), d.GetProperty("subscriberId").GetString())).ToList();
        Assert.Equal([(newer, 1, subscriber.Id), (older, 1, subscriber.Id), (older, 2, subscriber.Id)], items);
    }

    [Theory]
    [InlineData(TestApiKeys.Admin, "sub-01-0000000000000001", 404)]
    [InlineData(TestApiKeys.Analyst, "sub-01-0000000000000001", 403)]
    [InlineData(TestApiKeys.Admin, "sub-01-0000000000000001?pageSize=0", 400)]
    public async Task ListSubscriberDeliveries_Refused_IsAProblem(string key, string target, int status)
    {
        var harness = await ApiHarness.CreateAsync();
        var id = target.Split('?')[0];
        var query = target.Contains('?', StringComparison.Ordinal) ? target[target.IndexOf('?', StringComparison.Ordinal)..] : null;
        var get = harness.Request("GET", $"/api/subscribers/{id}/deliveries", key, query: query);

        var response = await HttpCalls.ExecuteAsync(get, await harness.Get<DeliveryEndpoints>().ListSubscriberDeliveries(get, id, CancellationToken.None));

        Assert.Equal(status, response.Status);
        Assert.True(response.IsProblem);
    }

    private static async Task<Subscriber> SubscribeAsync(ApiHarness harness, string body)
    {
        var post = harness.Request("POST", "/api/subscribers", TestApiKeys.Admin, body);
        var created = await HttpCalls.ExecuteAsync(post, await harness.Get<SubscriberEndpoints>().CreateSubscriber(post, CancellationToken.None));
        Assert.Equal(201, created.Status);
        return (await harness.Get<SubscriberStore>().FindAsync(created.Json.GetProperty("subscriberId").GetString()!, CancellationToken.None))!;
    }

    private static DeliveryRecord Record(string incidentId, int notice, Subscriber subscriber, DateTimeOffset now) =>
        DeliveryRecord.New(new DeliveryKey(incidentId, notice, subscriber.Id), notice == 1 ? NoticeTypes.Alert : NoticeTypes.Update, subscriber, now);
}
