using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline.Delivery;
using Alerts.Core.Pipeline.Delivery.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Pipeline.Delivery.Webhooks;

public class WebhookServiceCollectionExtensionsTests
{
    [Fact]
    public void AddWebhookDelivery_RegistersTheChannelAndItsParts()
    {
        using var provider = Build([]);

        var channel = Assert.Single(provider.GetServices<IDeliveryChannel>());
        Assert.IsType<WebhookChannel>(channel);
        Assert.Equal(SubscriberChannel.Webhook, channel.Channel);
        Assert.Same(provider.GetRequiredService<WebhookSigner>(), provider.GetRequiredService<WebhookSigner>());
        Assert.Same(provider.GetRequiredService<HttpOutcomeClassifier>(), provider.GetRequiredService<HttpOutcomeClassifier>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddWebhookDelivery_Defaults()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<WebhookOptions>>().Value;
        Assert.False(options.AllowPrivateAddresses);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromHours(1), options.MaxRetryAfter);
        Assert.Equal(256, options.MaxConnectionsPerServer);
    }

    [Fact]
    public void AddWebhookDelivery_BindsTheDeliverySection()
    {
        using var provider = Build(new()
        {
            ["Delivery:AllowPrivateAddresses"] = "true",
            ["Delivery:AttemptTimeout"] = "00:00:30",
            ["Delivery:MaxRetryAfter"] = "00:10:00",
            ["Delivery:MaxConnectionsPerServer"] = "8",
        });

        var options = provider.GetRequiredService<IOptions<WebhookOptions>>().Value;
        Assert.True(options.AllowPrivateAddresses);
        Assert.Equal(TimeSpan.FromSeconds(30), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(10), options.MaxRetryAfter);
        Assert.Equal(8, options.MaxConnectionsPerServer);
    }

    [Theory]
    [InlineData("Delivery:AttemptTimeout", "00:00:00.500", "AttemptTimeout")]
    [InlineData("Delivery:AttemptTimeout", "00:05:00", "AttemptTimeout")]
    [InlineData("Delivery:MaxRetryAfter", "7.00:00:00", "MaxRetryAfter")]
    [InlineData("Delivery:MaxConnectionsPerServer", "0", "MaxConnectionsPerServer")]
    public void AddWebhookDelivery_BadSetting_FailsAtStartNamingIt(string key, string value, string setting)
    {
        using var provider = Build(new() { [key] = value });

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(setting, e.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddWebhookDelivery(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
