using Alerts.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Api;

/// <summary>Registers the host-agnostic HTTP endpoints.</summary>
public static class AlertsApiServiceCollectionExtensions
{
    public static IServiceCollection AddAlertsApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddAuthentication(CallerPrincipal.Scheme).AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(CallerPrincipal.Scheme, null);
        services.AddSingleton<RequestLimiter>();
        services.AddSingleton<EndpointGate>();
        services.AddSingleton<IncidentEndpoints>();
        services.AddSingleton<SubscriberEndpoints>();
        services.AddSingleton<DeliveryEndpoints>();
        services.AddSingleton<DecisionEndpoints>();
        services.AddSingleton<HealthEndpoint>();
        services.AddSingleton<CallerEndpoint>();
        services.AddSingleton<ConsoleEndpoint>();
        services.AddSingleton<CapEndpoints>();
        return services;
    }
}
