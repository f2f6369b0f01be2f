using Alerts.Api;
using Alerts.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Functions;

/// <summary>What the Functions app registers: the shared core and API. Its Program.cs and its test harness both call this.</summary>
public static class AlertsFunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddAlertsFunctions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddAlertsCore(configuration).AddAlertsApi();
}
