using Alerts.Testing;

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
}
