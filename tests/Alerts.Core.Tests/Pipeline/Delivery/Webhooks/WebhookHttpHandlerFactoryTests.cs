using Alerts.Core.Pipeline.Delivery.Webhooks;
using Alerts.Testing;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Pipeline.Delivery.Webhooks;

public sealed class WebhookHttpHandlerFactoryTests
{
    [Fact]
    public void Create_DoesNotRedirectOrProxyAndPoolsAsConfigured()
    {
        using var handler = new WebhookHttpHandlerFactory(Options.Create(new WebhookOptions { MaxConnectionsPerServer = 17 })).Create();

        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseProxy);
        Assert.Equal(TimeSpan.FromMinutes(5), handler.PooledConnectionLifetime);
        Assert.Equal(17, handler.MaxConnectionsPerServer);
        Assert.NotNull(handler.ConnectCallback);
    }

    /// <summary>Every spelling of loopback reaches the connect-time check as an address it refuses.</summary>
    [Theory]
    [InlineData("0x7f.1")]
    [InlineData("017700000001")]
    [InlineData("127.1")]
    [InlineData("[::ffff:127.0.0.1]")]
    [InlineData("[::1]")]
    [InlineData("localhost")]
    public async Task ConnectCallback_OtherSpellingsOfLoopback_AreRefused(string host)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var handler = new WebhookHttpHandlerFactory(Options.Create(new WebhookOptions())).Create();
        using var client = new HttpClient(handler);

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://{host}:{receiver.Port}/")));

        Assert.IsType<WebhookAddressRefusedException>(e.InnerException);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task ConnectCallback_DecimalLoopbackUrl_IsRefusedBeforeAnyRequest()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var handler = new WebhookHttpHandlerFactory(Options.Create(new WebhookOptions())).Create();
        using var client = new HttpClient(handler);

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://2130706433:{receiver.Port}/")));

        var refused = Assert.IsType<WebhookAddressRefusedException>(e.InnerException);
        Assert.Equal("127.0.0.1", refused.Host);
        Assert.Equal("Refused to connect to '127.0.0.1': not a public address (127.0.0.1).", refused.Message);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task ConnectCallback_PrivateAllowed_Connects()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var handler = new WebhookHttpHandlerFactory(Options.Create(new WebhookOptions { AllowPrivateAddresses = true })).Create();
        using var client = new HttpClient(handler);

        using var response = await client.GetAsync(new Uri($"http://2130706433:{receiver.Port}/"));

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Single(receiver.Requests);
    }
}
