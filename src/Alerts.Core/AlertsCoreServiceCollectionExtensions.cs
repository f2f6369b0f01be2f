using Alerts.Core.Hold;
using Alerts.Core.Intake;
using Alerts.Core.Queues;
using Alerts.Core.Release;
using Alerts.Core.Security;
using Alerts.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Core;

/// <summary>The composition root both hosts share: every stage of the pipeline and its options.</summary>
public static class AlertsCoreServiceCollectionExtensions
{
    public static IServiceCollection AddAlertsCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<HoldOptions>().Bind(configuration.GetSection(HoldOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HoldOptions>, HoldOptionsValidator>();
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReleaseSweepOptions>().Bind(configuration.GetSection(ReleaseSweepOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiKeyOptions>().Bind(configuration.GetSection(ApiKeyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();

        services.AddSingleton(_ => StorageConnection.FromConfiguration(configuration));
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<IncidentStore>();
        services.AddSingleton<ReportClaims>();

        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ReportValidator>();
        services.AddSingleton<HoldPolicy>();
        services.AddSingleton<IntakeHandler>();
        services.AddSingleton<ReleaseScheduler>();
        services.AddSingleton<IncidentReleaser>();
        services.AddSingleton<ReleaseHandler>();
        services.AddSingleton<IQueueMessageHandler>(sp => sp.GetRequiredService<ReleaseHandler>());
        services.AddSingleton<ReleaseSweep>();
        return services;
    }
}
