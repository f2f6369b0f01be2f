using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

namespace Alerts.Functions;

/// <summary>The Functions host: the shared pipeline behind HTTP, queue and timer triggers.</summary>
public static class AlertsFunctionsApp
{
    public static IHost Build(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddAlertsFunctions(builder.Configuration);
        return builder.Build();
    }
}
