using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Core.Pipeline.Delivery.Webhooks;

/// <summary>Registers the webhook channel, its options (section <c>Delivery</c>) and its address-checking HttpClient.</summary>
public static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton<WebhookSigner>();
        services.TryAddSingleton<HttpOutcomeClassifier>();
        services.TryAddSingleton<WebhookHttpHandlerFactory>();
        services.AddHttpClient(WebhookChannel.HttpClientName, client =>
            {
                // WebhookChannel applies AttemptTimeout itself; HttpClient's default 100 s would cut in below the 2 min maximum.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<WebhookHttpHandlerFactory>().Create())

            // PooledConnectionLifetime already recycles connections (and re-resolves DNS); no need to rotate handlers.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<WebhookChannel>();
        services.AddSingleton<IDeliveryChannel>(sp => sp.GetRequiredService<WebhookChannel>());
        return services;
    }
}
