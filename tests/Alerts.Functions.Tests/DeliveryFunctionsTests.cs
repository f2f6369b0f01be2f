using Alerts.Core.Pipeline;
using Alerts.Testing;

namespace Alerts.Functions.Tests;

/// <summary>The fan-out and delivery queue triggers, fed the messages the pipeline really queued, against a real receiver.</summary>
public class DeliveryFunctionsTests
{
    private static async Task<string> TakeAsync(FunctionsHarness harness, string queue)
    {
        var received = (await harness.Account.Connection.Queue(queue).ReceiveMessagesAsync(1)).Value;
        return Assert.Single(received).Body.ToString();
    }

    private static string Subscriber(Uri url) =>
        System.Text.Json.JsonSerializer.Serialize(new { name = "hook", channel = "webhook", url = url.AbsoluteUri, filters = new { } });

    [Fact]
    public async Task FanOutAlert_SendsTheAlert_AndDeliverAlert_SendsARedeliveryWithTheSameWebhookId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var harness = await FunctionsHarness.CreateAsync(settings: new Dictionary<string, string?> { ["Delivery:AllowPrivateAddresses"] = "true" });
        var subscribers = harness.Function<SubscriberFunctions>();
        var create = harness.Request("POST", "/api/subscribers", FunctionsHarness.AdminKey, Subscriber(new Uri(receiver.BaseUrl, "alerts")));
        await FunctionsHarness.Execute(create, await subscribers.CreateSubscriber(create, CancellationToken.None));
        var id = (await harness.SubmitAsync()).GetProperty("incidentId").GetString()!;
        var confirm = harness.Request("POST", $"/api/incidents/{id}/confirm", FunctionsHarness.AnalystKey);
        await FunctionsHarness.Execute(confirm, await harness.Function<DecisionFunctions>().ConfirmIncident(confirm, id, CancellationToken.None));
        var functions = harness.Function<DeliveryFunctions>();

        await functions.FanOutAlert(await TakeAsync(harness, PipelineStages.FanoutQueue), CancellationToken.None);

        var alert = Assert.Single(receiver.Requests);
        var incidents = harness.Function<IncidentFunctions>();
        var list = harness.Request("GET", $"/api/incidents/{id}/deliveries", FunctionsHarness.AnalystKey);
        var deliveries = await FunctionsHarness.Execute(list, await incidents.ListDeliveries(list, id, CancellationToken.None));
        var delivery = deliveries.Json.GetProperty("items")[0];
        Assert.Equal("delivered", delivery.GetProperty("status").GetString());
        Assert.Equal(alert.Headers["webhook-id"], delivery.GetProperty("deliveryId").GetString());

        var deliveryId = delivery.GetProperty("deliveryId").GetString()!;
        var redeliver = harness.Request("POST", $"/api/incidents/{id}/deliveries/{deliveryId}/redeliver", FunctionsHarness.AdminKey);
        var accepted = await FunctionsHarness.Execute(redeliver, await incidents.Redeliver(redeliver, id, deliveryId, CancellationToken.None));
        await functions.DeliverAlert(await TakeAsync(harness, PipelineStages.DeliveryQueue), CancellationToken.None);

        Assert.Equal(202, accepted.Status);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal(deliveryId, r.Headers["webhook-id"]));
    }
}
