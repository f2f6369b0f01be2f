using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline.Delivery;
using Alerts.Core.Pipeline.Delivery.Webhooks;
using Alerts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Pipeline.Delivery.Webhooks;

/// <summary>The webhook channel against a real HTTP receiver on loopback, built the way the hosts build it.</summary>
public sealed class WebhookChannelTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task SendAsync_Accepted_DeliversSignedRequestWithBody()
    {
        var time = new FakeTimeProvider(Start);
        using var services = Services(allowPrivate: true, time: time);
        var attempt = SampleDeliveries.Attempt(Url("/hooks/border"));

        var outcome = await Channel(services).SendAsync(attempt, CancellationToken.None);

        Assert.Equal(new DeliveryOutcome.Delivered("HTTP 204 No Content", 204), outcome);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/border", request.Path);
        Assert.Equal(attempt.DeliveryId, request.Headers["webhook-id"]);
        Assert.Equal(Start.ToUnixTimeSeconds().ToString(), request.Headers["webhook-timestamp"]);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("Alerts-Webhooks/1.0", request.Headers["User-Agent"]);
        Assert.Equal(WebhookPayload.Serialize(attempt.Notice), request.Body);
        Assert.True(WebhookSignature.Verifies(request, SampleDeliveries.Secret), "the receiver's own check should accept the signature");
        Assert.False(WebhookSignature.Verifies(request, SigningSecret.NewValue()), "another secret should not verify");
    }

    [Fact]
    public async Task SendAsync_DuringRotation_SignsWithEveryActiveSecretButNotExpiredOnes()
    {
        var time = new FakeTimeProvider(Start);
        using var services = Services(allowPrivate: true, time: time);
        var (current, previous, expired) = (SigningSecret.NewValue(), SigningSecret.NewValue(), SigningSecret.NewValue());
        var attempt = SampleDeliveries.Attempt(
            Url("/"),
            secrets: [new SigningSecret(current, null), new SigningSecret(previous, Start.AddHours(1)), new SigningSecret(expired, Start.AddHours(-1))]);

        await Channel(services).SendAsync(attempt, CancellationToken.None);

        var request = Assert.Single(receiver.Requests);
        Assert.Equal(2, request.Headers["webhook-signature"].Split(' ').Length);
        Assert.True(WebhookSignature.Verifies(request, current));
        Assert.True(WebhookSignature.Verifies(request, previous));
        Assert.False(WebhookSignature.Verifies(request, expired));
    }

    [Fact]
    public async Task SendAsync_SecondAttemptOfTheSameDelivery_KeepsTheWebhookId()
    {
        var time = new FakeTimeProvider(Start);
        using var services = Services(allowPrivate: true, time: time);
        receiver.Respond = (_, call) => new WebhookReceiver.Reply(call == 1 ? 503 : 200);
        var channel = Channel(services);

        var first = await channel.SendAsync(SampleDeliveries.Attempt(Url("/"), "dlv_same", attempt: 1), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));
        var second = await channel.SendAsync(SampleDeliveries.Attempt(Url("/"), "dlv_same", attempt: 2), CancellationToken.None);

        Assert.IsType<DeliveryOutcome.Retry>(first);
        Assert.IsType<DeliveryOutcome.Delivered>(second);
        Assert.Equal(["dlv_same", "dlv_same"], receiver.Requests.Select(r => r.Headers["webhook-id"]));
        Assert.Equal(
            [Start.ToUnixTimeSeconds().ToString(), (Start.ToUnixTimeSeconds() + 5).ToString()],
            receiver.Requests.Select(r => r.Headers["webhook-timestamp"]));
        Assert.All(receiver.Requests, r => Assert.True(WebhookSignature.Verifies(r, SampleDeliveries.Secret)));
    }

    [Fact]
    public async Task SendAsync_Redirect_IsNotFollowed()
    {
        using var services = Services(allowPrivate: true);
        receiver.Respond = (request, _) => request.Path == "/old"
            ? new WebhookReceiver.Reply(301, new Dictionary<string, string> { ["Location"] = Url("/new") })
            : new WebhookReceiver.Reply(200);

        var outcome = await Channel(services).SendAsync(SampleDeliveries.Attempt(Url("/old")), CancellationToken.None);

        var failed = Assert.IsType<DeliveryOutcome.Failed>(outcome);
        Assert.Equal(301, failed.Code);
        Assert.False(failed.DisableSubscriber);
        Assert.StartsWith("redirect not followed", failed.Detail);
        Assert.Contains(Url("/new"), failed.Detail);
        Assert.Equal("/old", Assert.Single(receiver.Requests).Path);
    }

    [Fact]
    public async Task SendAsync_ServerError_RetriesWhenTheReceiverAsks()
    {
        using var services = Services(allowPrivate: true);
        receiver.Respond = (_, _) => new WebhookReceiver.Reply(500, new Dictionary<string, string> { ["Retry-After"] = "120" });

        var outcome = await Channel(services).SendAsync(SampleDeliveries.Attempt(Url("/")), CancellationToken.None);

        Assert.Equal(new DeliveryOutcome.Retry("HTTP 500 Internal Server Error, retry after 120 s", 500, TimeSpan.FromSeconds(120)), outcome);
    }

    [Fact]
    public async Task SendAsync_Gone_FailsAndDisablesTheSubscriber()
    {
        using var services = Services(allowPrivate: true);
        receiver.Respond = (_, _) => new WebhookReceiver.Reply(410);

        var outcome = await Channel(services).SendAsync(SampleDeliveries.Attempt(Url("/")), CancellationToken.None);

        var failed = Assert.IsType<DeliveryOutcome.Failed>(outcome);
        Assert.True(failed.DisableSubscriber);
        Assert.Equal(410, failed.Code);
    }

    [Fact]
    public async Task SendAsync_Rejected_ReportsTheStartOfWhatTheReceiverSaid()
    {
        using var services = Services(allowPrivate: true);
        receiver.Respond = (_, _) => new WebhookReceiver.Reply(400, Body: "invalid\nsignature " + new string('x', 100_000));

        var outcome = await Channel(services).SendAsync(SampleDeliveries.Attempt(Url("/")), CancellationToken.None);

        var failed = Assert.IsType<DeliveryOutcome.Failed>(outcome);
        Assert.StartsWith("HTTP 400 Bad Request: rejected by the receiver; receiver said: invalid signature xxx", failed.Detail);
        Assert.True(failed.Detail.Length <= 300);
    }

    [Fact]
    public async Task SendAsync_ReceiverSlowerThanAttemptTimeout_RetriesAsTimeout()
    {
        using var services = Services(allowPrivate: true, attemptTimeout: "00:00:01");
        receiver.Respond = (_, _) => new WebhookReceiver.Reply(200, Delay: TimeSpan.FromMinutes(2));

        var outcome = await Channel(services).SendAsync(SampleDeliveries.Attempt(Url("/")), CancellationToken.None);

        Assert.Equal(new DeliveryOutcome.Retry("timed out: no response within 1 s", null), outcome);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task SendAsync_NothingListening_RetriesAsNetworkError()
    {
        using var services = Services(allowPrivate: true);

        var outcome = await Channel(services).SendAsync(SampleDeliveries.Attempt($"http://127.0.0.1:{FreePort.Next()}/"), CancellationToken.None);

        var retry = Assert.IsType<DeliveryOutcome.Retry>(outcome);
        Assert.StartsWith("network error: ", retry.Detail);
    }

    [Fact]
    public async Task SendAsync_CallerCancelsWhileWaiting_Throws()
    {
        using var services = Services(allowPrivate: true);
        receiver.Respond = (_, _) => new WebhookReceiver.Reply(200, Delay: TimeSpan.FromMinutes(2));
        using var cancel = new CancellationTokenSource();

        var send = Channel(services).SendAsync(SampleDeliveries.Attempt(Url("/")), cancel.Token);
        await Eventually.Until(() => Task.FromResult(receiver.Requests.Count), n => n == 1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
    }

    [Fact]
    public async Task SendAsync_CallerAlreadyCancelled_Throws()
    {
        using var services = Services(allowPrivate: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Channel(services).SendAsync(SampleDeliveries.Attempt(Url("/")), new CancellationToken(canceled: true)));
        Assert.Empty(receiver.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/", "127.0.0.1")]
    [InlineData("http://localhost:{port}/", "127.0.0.1")]
    [InlineData("http://2130706433:{port}/", "127.0.0.1")] // decimal form, normalized by Uri
    [InlineData("http://0x7f.1:{port}/", "127.0.0.1")]
    [InlineData("http://[::1]:{port}/", "::1")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/", "127.0.0.1")]
    public async Task SendAsync_PrivateAddressNotAllowed_IsRefusedAtConnect(string template, string address)
    {
        using var services = Services(allowPrivate: false);

        var outcome = await Channel(services).SendAsync(SampleDeliveries.Attempt(template.Replace("{port}", receiver.Port.ToString())), CancellationToken.None);

        var failed = Assert.IsType<DeliveryOutcome.Failed>(outcome);
        Assert.StartsWith("Refused to connect to ", failed.Detail);
        Assert.Contains("not a public address", failed.Detail);
        Assert.Contains(address, failed.Detail);
        Assert.Null(failed.Code);
        Assert.False(failed.DisableSubscriber);
        Assert.Empty(receiver.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/")]
    [InlineData("http://localhost:{port}/")]
    [InlineData("http://2130706433:{port}/")]
    public async Task SendAsync_PrivateAddressAllowed_GoesThrough(string template)
    {
        using var services = Services(allowPrivate: true);

        var outcome = await Channel(services).SendAsync(SampleDeliveries.Attempt(template.Replace("{port}", receiver.Port.ToString())), CancellationToken.None);

        Assert.IsType<DeliveryOutcome.Delivered>(outcome);
        Assert.Single(receiver.Requests);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://hooks.example/")]
    [InlineData("file:///etc/passwd")]
    public async Task SendAsync_TargetIsNotAnHttpUrl_Fails(string target)
    {
        using var services = Services(allowPrivate: true);

        var outcome = await Channel(services).SendAsync(SampleDeliveries.Attempt(target), CancellationToken.None);

        Assert.Equal(new DeliveryOutcome.Failed("webhook URL is not an absolute http(s) URL", null), outcome);
    }

    [Fact]
    public async Task SendAsync_NoActiveSecret_FailsWithoutSending()
    {
        using var services = Services(allowPrivate: true, time: new FakeTimeProvider(Start));
        var attempt = SampleDeliveries.Attempt(Url("/"), secrets: [new SigningSecret(SampleDeliveries.Secret, Start.AddMinutes(-1))]);

        var outcome = await Channel(services).SendAsync(attempt, CancellationToken.None);

        var failed = Assert.IsType<DeliveryOutcome.Failed>(outcome);
        Assert.StartsWith("cannot sign: At least one webhook signing secret is required.", failed.Detail);
        Assert.Empty(receiver.Requests);
    }

    private string Url(string path) => new Uri(receiver.BaseUrl, path).ToString();

    private static IDeliveryChannel Channel(ServiceProvider services) =>
        Assert.Single(services.GetServices<IDeliveryChannel>(), c => c.Channel == SubscriberChannel.Webhook);

    private static ServiceProvider Services(bool allowPrivate, string? attemptTimeout = null, TimeProvider? time = null)
    {
        var settings = new Dictionary<string, string?> { ["Delivery:AllowPrivateAddresses"] = allowPrivate.ToString() };
        if (attemptTimeout is not null)
        {
            settings["Delivery:AttemptTimeout"] = attemptTimeout;
        }

        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddWebhookDelivery(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }
}
