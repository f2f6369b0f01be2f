using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline.Delivery;
using Alerts.Core.Pipeline.Delivery.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Pipeline.Delivery.Email;

public sealed class EmailServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, int times = 1)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        for (var i = 0; i < times; i++)
        {
            services.AddEmailDelivery(configuration);
        }

        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddEmailDelivery_BadPort_FailsStartupValidationNamingTheSetting()
    {
        using var provider = Build(new() { ["Email:Port"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Email:Port must be 1–65535", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEmailDelivery_CalledTwice_OneEmailChannelBoundFromConfiguration()
    {
        using var provider = Build(new() { ["Email:Host"] = "smtp.example.org", ["Email:Port"] = "2525", ["Email:Timeout"] = "00:00:05" }, times: 2);

        provider.GetRequiredService<IStartupValidator>().Validate();
        var channel = Assert.Single(provider.GetServices<IDeliveryChannel>());
        Assert.Equal(SubscriberChannel.Email, channel.Channel);
        var options = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
        Assert.Equal(("smtp.example.org", 2525, TimeSpan.FromSeconds(5)), (options.Host, options.Port, options.Timeout));
    }
}
