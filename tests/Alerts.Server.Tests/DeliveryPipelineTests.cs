using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alerts.Core.Admin;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Server.Tests;

/// <summary>
/// Release → fan-out → delivery through the running server, with real Azurite, a real HTTP receiver and a real SMTP
/// server on loopback.
/// </summary>
public class DeliveryPipelineTests
{
    private static Dictionary<string, string> Settings(params (string Key, string Value)[] extra) => PipelineSettings.With(extra);

    private static async Task<Subscriber> AddWebhook(RunningServer server, Uri url, SubscriberFilter? filter = null) =>
        (await server.App.Services.GetRequiredService<SubscriberRegistry>()
            .CreateAsync(new SubscriberDraft("hook " + url.AbsolutePath, SubscriberChannel.Webhook, url.AbsoluteUri, filter ?? SubscriberFilter.All, true), CancellationToken.None)).Subscriber!;

    private static async Task<string> PostIncident(RunningServer server, Action<Core.Pipeline.Intake.IncidentReport>? change = null)
    {
        var report = SampleReports.Przewodow();
        change?.Invoke(report);
        var response = await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/incidents", RunningServer.ReporterKey, SampleReports.Json(report)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("incidentId").GetString()!;
    }

    private static Task<List<JsonElement>> Deliveries(RunningServer server, string incidentId) => server.Deliveries(incidentId);

    private static Task<List<JsonElement>> Settled(RunningServer server, string incidentId, int expected) =>
        Eventually.Until(
            () => Deliveries(server, incidentId),
            rows => rows.Count == expected && rows.All(r => r.GetProperty("status").GetString() is "delivered" or "failed"),
            TimeSpan.FromMinutes(3));

    /// <summary>An independent Standard Webhooks verifier: HMAC-SHA256 over "id.timestamp.body" with the decoded secret.</summary>
    private static bool SignatureValid(WebhookReceiver.Request request, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{request.Headers["webhook-id"]}.{request.Headers["webhook-timestamp"]}.").Concat(request.Body).ToArray();
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
        return request.Headers["webhook-signature"].Split(' ').Contains(expected);
    }

    [Fact]
    public async Task ReleaseTo1000Subscribers_OneSignedRequestEach_AllRecordedDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings());
        var subscribers = new List<Subscriber>();
        for (var i = 0; i < 1000; i++)
        {
            subscribers.Add(await AddWebhook(server, new Uri(receiver.BaseUrl, $"hooks/{i}")));
        }

        var incidentId = await PostIncident(server);
        var rows = await Settled(server, incidentId, 1000);

        Assert.All(rows, r => Assert.Equal("delivered", r.GetProperty("status").GetString()));
        var requests = receiver.Requests;
        Assert.Equal(1000, requests.Count);
        foreach (var (subscriber, i) in subscribers.Select((s, i) => (s, i)))
        {
            var request = Assert.Single(requests, r => r.Path == $"/hooks/{i}");
            Assert.Equal(new DeliveryKey(incidentId, 1, subscriber.Id).Id, request.Headers["webhook-id"]);
            Assert.True(SignatureValid(request, subscriber.Secrets[0].Secret), $"bad signature for /hooks/{i}");
            var body = JsonDocument.Parse(request.Body).RootElement;
            Assert.Equal("incident.alert", body.GetProperty("type").GetString());
            Assert.Equal(incidentId, body.GetProperty("data").GetProperty("incidentId").GetString());
        }
    }

    [Fact]
    public async Task ReceiverFailingTwice_GetsTheSameWebhookIdThreeTimes_AndEndsDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, call) => new WebhookReceiver.Reply(call <= 2 ? 503 : 200);
        await using var server = await RunningServer.StartAsync(Settings());
        await AddWebhook(server, new Uri(receiver.BaseUrl, "flaky"));

        var incidentId = await PostIncident(server);
        var row = Assert.Single(await Settled(server, incidentId, 1));

        Assert.Equal("delivered", row.GetProperty("status").GetString());
        Assert.Equal(3, row.GetProperty("attempts").GetInt32());
        Assert.Equal(3, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.Headers["webhook-id"]).Distinct());
    }

    [Fact]
    public async Task ReceiverAlways500_FailsAfterTheSchedule_ThenRedeliverSucceedsWithTheSameId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => new WebhookReceiver.Reply(500, Body: "database down");
        await using var server = await RunningServer.StartAsync(Settings());
        await AddWebhook(server, new Uri(receiver.BaseUrl, "down"));

        var incidentId = await PostIncident(server);
        var row = Assert.Single(await Settled(server, incidentId, 1));

        Assert.Equal("failed", row.GetProperty("status").GetString());
        Assert.Equal(3, row.GetProperty("attempts").GetInt32());
        Assert.Equal(500, row.GetProperty("lastCode").GetInt32());
        Assert.Contains("database down", row.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, receiver.Requests.Count);

        receiver.Respond = (_, _) => new WebhookReceiver.Reply(200);
        var deliveryId = row.GetProperty("deliveryId").GetString()!;
        var forbidden = await server.Client.SendAsync(server.Request(HttpMethod.Post, $"/api/incidents/{incidentId}/deliveries/{deliveryId}/redeliver", RunningServer.AnalystKey));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var redeliver = await server.Client.SendAsync(server.Request(HttpMethod.Post, $"/api/incidents/{incidentId}/deliveries/{deliveryId}/redeliver", RunningServer.AdminKey));
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);

        var after = await Eventually.Until(() => Deliveries(server, incidentId), r => r[0].GetProperty("status").GetString() == "delivered");
        Assert.Equal(4, after[0].GetProperty("attempts").GetInt32());
        Assert.Equal(4, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.Headers["webhook-id"]).Distinct());
    }

    [Fact]
    public async Task RedirectIsNotFollowed_AndGoneDisablesTheSubscriber()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (request, _) => request.Path switch
        {
            "/moved" => new WebhookReceiver.Reply(301, new Dictionary<string, string> { ["Location"] = new Uri(receiver.BaseUrl, "elsewhere").AbsoluteUri }),
            "/gone" => new WebhookReceiver.Reply(410),
            _ => new WebhookReceiver.Reply(200),
        };
        await using var server = await RunningServer.StartAsync(Settings());
        await AddWebhook(server, new Uri(receiver.BaseUrl, "moved"));
        var gone = await AddWebhook(server, new Uri(receiver.BaseUrl, "gone"));

        var incidentId = await PostIncident(server);
        var rows = await Settled(server, incidentId, 2);

        Assert.All(rows, r => Assert.Equal("failed", r.GetProperty("status").GetString()));
        Assert.Equal(1, rows.Single(r => r.GetProperty("subscriberId").GetString() != gone.Id).GetProperty("attempts").GetInt32());
        Assert.DoesNotContain(receiver.Requests, r => r.Path == "/elsewhere");
        Assert.Single(receiver.Requests, r => r.Path == "/moved");
        var stored = await server.App.Services.GetRequiredService<SubscriberStore>().FindAsync(gone.Id, CancellationToken.None);
        Assert.False(stored!.Enabled);
    }

    /// <summary>Issue 15, case 7: an endpoint that fails for longer than Subscribers:DisableAfter is disabled, says why, and comes back when an admin enables it.</summary>
    [Fact]
    public async Task EndpointFailingPastTheLimit_IsDisabledWithAReason_AndAnAdminEnablesItAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => new WebhookReceiver.Reply(503);
        await using var server = await RunningServer.StartAsync(Settings(("Subscribers:DisableAfter", "00:00:01"), ("Retry:Schedule:0", "00:00:02")));
        var subscriber = await AddWebhook(server, new Uri(receiver.BaseUrl, "down"));

        var incidentId = await PostIncident(server);
        await Settled(server, incidentId, 1);
        var disabled = await Eventually.Until(
            async () => await (await server.Client.SendAsync(server.Request(HttpMethod.Get, $"/api/subscribers/{subscriber.Id}", RunningServer.AdminKey))).Json(),
            s => !s.GetProperty("enabled").GetBoolean());

        Assert.Contains("every attempt has failed since", disabled.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, disabled.GetProperty("failingSince").ValueKind);

        var enable = await server.Client.SendAsync(server.Request(HttpMethod.Put, $"/api/subscribers/{subscriber.Id}", RunningServer.AdminKey,
            $$"""{"name":"hook","channel":"webhook","url":"{{new Uri(receiver.BaseUrl, "down")}}","filters":{},"enabled":true}"""));
        var enabled = await enable.Json();
        Assert.True(enabled.GetProperty("enabled").GetBoolean());
        Assert.False(enabled.TryGetProperty("disabledReason", out _));
        Assert.False(enabled.TryGetProperty("failingSince", out _));
    }

    /// <summary>
    /// Issue 15, case 3: receivers that take the connection and never answer hold only their own deliveries. Every normal
    /// subscriber is served and recorded before the first silent attempt could even time out.
    /// </summary>
    [Fact]
    public async Task SilentReceivers_HoldUpNobodyElse()
    {
        await using var normal = await WebhookReceiver.StartAsync();
        await using var silent = await WebhookReceiver.StartAsync();
        silent.Respond = (_, _) => new WebhookReceiver.Reply(204, Delay: TimeSpan.FromMinutes(5));
        var timeout = TimeSpan.FromSeconds(5);
        await using var server = await RunningServer.StartAsync(Settings(("Delivery:AttemptTimeout", "00:00:05")));
        for (var i = 0; i < 16; i++)
        {
            await AddWebhook(server, new Uri(silent.BaseUrl, $"silent/{i}"));
        }

        for (var i = 0; i < 200; i++)
        {
            await AddWebhook(server, new Uri(normal.BaseUrl, $"normal/{i}"));
        }

        var incidentId = await PostIncident(server);
        var rows = await Eventually.Until(
            () => Deliveries(server, incidentId),
            r => r.Count == 216 && r.Count(d => d.GetProperty("status").GetString() == "delivered") == 200);
        await Eventually.Until(() => Task.FromResult(silent.Requests.Count), n => n >= 16);

        var firstSilent = silent.Requests.Min(r => r.ReceivedAt);
        Assert.Equal(200, normal.Requests.Count);
        Assert.All(normal.Requests, r => Assert.True(r.ReceivedAt < firstSilent + timeout, $"{r.Path} arrived {r.ReceivedAt - firstSilent} after the first silent attempt"));
        var delivered = rows.Where(d => d.GetProperty("status").GetString() == "delivered").ToList();
        Assert.All(delivered, d => Assert.True(d.GetProperty("deliveredAt").GetDateTimeOffset() < firstSilent + timeout, "recorded only after a silent attempt timed out"));
    }

    [Fact]
    public async Task PrivateAddress_IsRefusedAtConnectTime_WhenNotAllowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings(("Delivery:AllowPrivateAddresses", "false")));
        await AddWebhook(server, new Uri($"http://localhost:{receiver.Port}/private"));

        var incidentId = await PostIncident(server);
        var row = Assert.Single(await Settled(server, incidentId, 1));

        Assert.Equal("failed", row.GetProperty("status").GetString());
        Assert.Contains("not a public address", row.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task RepeatedFanoutAndSubscribersAddedDuringIt_NobodyIsSentTwice()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings(("Fanout:PageSize", "10"), ("Fanout:RecipientsPerMessage", "7")));
        for (var i = 0; i < 60; i++)
        {
            await AddWebhook(server, new Uri(receiver.BaseUrl, $"first/{i}"));
        }

        var incidentId = await PostIncident(server);

        // While fan-out pages through, more subscribers arrive and a duplicate fan-out message is queued.
        var fanoutQueue = server.Account.Connection.Queue(PipelineStages.FanoutQueue);
        await Eventually.Until(async () => (await server.App.Services.GetRequiredService<IncidentStore>().FindAsync(incidentId, CancellationToken.None))!.Status, s => s == IncidentStatus.Released);
        await fanoutQueue.SendMessageAsync(QueueMessages.Serialize(new FanoutMessage(incidentId, 1, null)));
        for (var i = 0; i < 20; i++)
        {
            await AddWebhook(server, new Uri(receiver.BaseUrl, $"late/{i}"));
        }

        await fanoutQueue.SendMessageAsync(QueueMessages.Serialize(new FanoutMessage(incidentId, 1, null)));

        // Done when fan-out has drained and every recorded delivery has settled. (A delivery message that met a
        // claim held by another instance is re-queued for when that claim lapses; it will find nothing left to send.)
        await Eventually.Until(
            async () => (await StorageProbe.QueueLengthAsync(server.Account, PipelineStages.FanoutQueue), await Deliveries(server, incidentId)),
            state => state.Item1 == 0 && state.Item2.Count >= 60 && state.Item2.All(r => r.GetProperty("status").GetString() == "delivered")
                && receiver.Requests.Count == state.Item2.Count,
            TimeSpan.FromMinutes(2));

        var perPath = receiver.Requests.GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(perPath, p => Assert.Equal(1, p.Value));
        Assert.Equal(60, perPath.Keys.Count(p => p.StartsWith("/first/", StringComparison.Ordinal)));
        var rows = await Deliveries(server, incidentId);
        Assert.Equal(perPath.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal("delivered", r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task WebhookAndEmailSubscribers_OnlyThoseWhoseFiltersMatchAreTold()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings(("Email:Host", smtp.Host), ("Email:Port", smtp.Port.ToString()), ("Email:Security", "none")));
        var admin = RunningServer.AdminKey;
        async Task Subscribe(string json) =>
            Assert.Equal(HttpStatusCode.Created, (await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/subscribers", admin, json))).StatusCode);
        await Subscribe($$$"""{"name":"PL ministry","channel":"webhook","url":"{{{receiver.BaseUrl}}}pl","filters":{"countries":["PL"],"minimumSeverity":"severe"}}""");
        await Subscribe($$$"""{"name":"Baltic desk","channel":"webhook","url":"{{{receiver.BaseUrl}}}baltic","filters":{"countries":["LT","LV","EE"]}}""");
        await Subscribe("""{"name":"Embassy duty officer","channel":"email","email":"duty@embassy.example","filters":{"countries":["PL"],"categories":["missile-impact"]}}""");
        await Subscribe("""{"name":"Drone analyst","channel":"email","email":"drones@ministry.example","filters":{"categories":["drone-incursion"]}}""");

        var incidentId = await PostIncident(server);
        var rows = await Settled(server, incidentId, 2);

        Assert.Equal(["Embassy duty officer", "PL ministry"], rows.Select(r => r.GetProperty("subscriberName").GetString()).Order());
        Assert.Equal("/pl", Assert.Single(receiver.Requests).Path);
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(["duty@embassy.example"], mail.EnvelopeTo);
        Assert.Contains("Przewodów", mail.Message.Subject, StringComparison.Ordinal);
        var view = JsonDocument.Parse(await (await server.Client.SendAsync(server.Request(HttpMethod.Get, $"/api/incidents/{incidentId}", RunningServer.AnalystKey))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, view.GetProperty("deliveries").GetProperty("delivered").GetInt32());
        Assert.Equal(2, view.GetProperty("deliveries").GetProperty("total").GetInt32());
    }
}
