using Alerts.Core.Admin;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Hold;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Domain.Verification;
using Alerts.Core.Pipeline;
using Alerts.Core.Pipeline.Decisions;
using Alerts.Core.Pipeline.Delivery;
using Alerts.Core.Pipeline.Delivery.Email;
using Alerts.Core.Pipeline.Delivery.Webhooks;
using Alerts.Core.Pipeline.Fanout;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Pipeline.Release;
using Alerts.Core.Pipeline.Transitions;
using Alerts.Core.Queries;
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
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();

        services.AddSingleton(_ => StorageConnection.FromConfiguration(configuration));
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<IncidentStore>();
        services.AddSingleton<IntakeIndex>();
        services.AddSingleton<FeedStore>();
        services.AddSingleton<CapQueries>();

        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ReportValidator>();
        services.AddSingleton<HoldPolicy>();
        services.AddSingleton<IncidentReleaser>();
        services.AddSingleton<IncidentHandOff>();
        services.AddSingleton<IncidentTransitions>();
        services.AddSingleton<FanoutCompleter>();
        services.AddSingleton<RecipientLedger>();

        services.AddOptions<VerificationOptions>().Bind(configuration.GetSection(VerificationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConfirmationPolicy>();
        services.AddSingleton<Correlator>();
        services.AddSingleton<FactsPatch>();
        services.AddSingleton<FollowUpHandler>();
        services.AddSingleton<CapIntake>();

        services.AddOptions<SubscriberOptions>().Bind(configuration.GetSection(SubscriberOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SubscriberStore>();
        services.AddSingleton<SubscriberRegistry>();
        services.AddSingleton<SubscriberQueries>();
        services.AddSingleton<IncidentQueries>();
        services.AddSingleton<DeliveryQueries>();
        services.AddSingleton<AudienceQueries>();
        services.AddSingleton<StorageHealth>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [StorageHealthCheck.Ready]);

        services.AddOptions<FanoutOptions>().Bind(configuration.GetSection(FanoutOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LinkOptions>().Bind(configuration.GetSection(LinkOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetryOptions>().Bind(configuration.GetSection(RetryOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetryOptions>, RetryOptionsValidator>();
        services.TryAddSingleton<IJitterSource, RandomJitterSource>();
        services.AddSingleton<RetrySchedule>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<NoticeSource>();
        services.AddSingleton<SendGate>();
        services.AddSingleton<DeliverySender>();
        services.AddWebhookDelivery(configuration);
        services.AddEmailDelivery(configuration);

        // The stages' handlers and queues, as Pipeline/PipelineStages.cs declares them.
        services.AddPipelineStages();
        return services;
    }
}
