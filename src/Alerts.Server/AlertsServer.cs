using Alerts.Api;
using Alerts.Core;
using Alerts.Server.Queues;
using Microsoft.Extensions.Options;

namespace Alerts.Server;

/// <summary>The standalone host: the shared pipeline in a plain ASP.NET Core process, with queue listeners and the sweep.</summary>
public static class AlertsServer
{
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>What the host allows beyond the queue listeners' drain, for giving back what did not finish.</summary>
    private static readonly TimeSpan ShutdownMargin = TimeSpan.FromSeconds(10);

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Where to listen, as ASP.NET Core reads it (--urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS / HTTPS_PORTS: the
        // official container images set HTTP_PORTS=8080); only when none is given, the Functions host's local address.
        if (new[] { "urls", "http_ports", "https_ports" }.All(key => string.IsNullOrEmpty(builder.Configuration[key])))
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
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<QueueListenerOptions>>((host, queues) => host.ShutdownTimeout = queues.Value.DrainTimeout + ShutdownMargin);
        builder.Services.AddHostedService<QueueListenerService>();
        builder.Services.AddHostedService<ReleaseSweepService>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UseStatusCodePages();
        app.MapAlertsApi();
        app.MapConsoleShortcuts();
        app.MapGet(OpenApiDocument.Path, () => Results.Text(OpenApiDocument.Json, "application/json"));
        return app;
    }
}
