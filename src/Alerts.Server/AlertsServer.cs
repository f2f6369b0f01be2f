using Alerts.Api;
using Alerts.Core;
using Alerts.Server.Queues;

namespace Alerts.Server;

/// <summary>The standalone host: the shared pipeline in a plain ASP.NET Core process, with queue listeners and the sweep.</summary>
public static class AlertsServer
{
    public const string DefaultUrl = "http://localhost:7071";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var hostJson = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host.json"), optional: false)
            .Build();
        builder.Services.AddAlertsCore(builder.Configuration).AddAlertsApi();
        builder.Services.AddOptions<QueueListenerOptions>()
            .Bind(hostJson.GetSection(QueueListenerOptions.HostJsonSection))
            .Bind(builder.Configuration.GetSection(QueueListenerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<QueueListenerService>();
        builder.Services.AddHostedService<ReleaseSweepService>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapAlertsApi();
        app.MapConsoleShortcuts();
        app.MapGet(OpenApiDocument.Path, () => Results.Text(OpenApiDocument.Json, "application/json"));
        return app;
    }
}
