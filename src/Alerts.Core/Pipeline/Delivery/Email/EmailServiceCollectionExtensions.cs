using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline.Delivery.Email;

/// <summary>Registers the email channel and its validated options for either host.</summary>
public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEmailDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.TryAddSingleton<EmailComposer>();
        services.TryAddSingleton<SmtpOutcomeClassifier>();

        // Enumerable so the webhook channel (and others) sit side by side; Try so calling this twice adds one email channel.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryChannel, EmailChannel>());
        return services;
    }
}
