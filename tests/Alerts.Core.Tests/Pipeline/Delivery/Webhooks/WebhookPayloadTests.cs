using System.Text.Json;
using Alerts.Core.Pipeline.Delivery.Webhooks;

namespace Alerts.Core.Tests.Pipeline.Delivery.Webhooks;

public class WebhookPayloadTests
{
    [Fact]
    public void Serialize_WritesStandardWebhooksEnvelope()
    {
        var notice = SampleDeliveries.Notice();

        using var json = JsonDocument.Parse(WebhookPayload.Serialize(notice));

        var root = json.RootElement;
        Assert.Equal(["type", "timestamp", "data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("incident.alert", root.GetProperty("type").GetString());
        Assert.Equal(notice.IssuedAt, root.GetProperty("timestamp").GetDateTimeOffset());
        var data = root.GetProperty("data");
        Assert.Equal("inc-20221115-przewodow", data.GetProperty("incidentId").GetString());
        Assert.Equal(2, data.GetProperty("version").GetInt32());
        Assert.False(data.TryGetProperty("references", out _));
        Assert.Equal(notice.IncidentUrl, data.GetProperty("links").GetProperty("incident").GetString());
        var facts = data.GetProperty("facts");
        Assert.Equal("missile-impact", facts.GetProperty("category").GetString());
        Assert.Equal("extreme", facts.GetProperty("severity").GetString());
        Assert.Equal("Przewodów", facts.GetProperty("location").GetProperty("place").GetString());
    }

    [Fact]
    public void Serialize_Correction_NamesTheVersionItReplaces()
    {
        using var json = JsonDocument.Parse(WebhookPayload.Serialize(SampleDeliveries.Notice(references: 1)));

        Assert.Equal(1, json.RootElement.GetProperty("data").GetProperty("references").GetInt32());
    }

    [Fact]
    public void Serialize_IsStable()
    {
        var notice = SampleDeliveries.Notice();

        Assert.Equal(WebhookPayload.Serialize(notice), WebhookPayload.Serialize(notice));
    }
}
