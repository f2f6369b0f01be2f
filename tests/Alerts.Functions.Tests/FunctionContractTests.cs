using System.Text.Json;
using Alerts.Core.Pipeline;
using Alerts.Core.Pipeline.Release;
using Alerts.Core.Queues;
using Alerts.Server;
using Alerts.Server.Queues;
using Alerts.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Tests;

/// <summary>
/// The two hosts expose the same thing: the functions.metadata that the Functions build generates lists the same
/// HTTP routes and methods, and the same queues, as the standalone server.
/// </summary>
public class FunctionContractTests
{
    private static string FunctionsOutput()
    {
        // Built alongside this test project (project reference), in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        return Path.Combine(RepositoryRoot.Path, "src", "Alerts.Functions", "bin", configuration, "net10.0");
    }

    private static List<JsonElement> Bindings(string type)
    {
        var path = Path.Combine(FunctionsOutput(), "functions.metadata");
        Assert.True(File.Exists(path), $"The Functions build did not generate {path}");
        using var metadata = JsonDocument.Parse(File.ReadAllText(path));
        return metadata.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == type)
            .Select(b => b.Clone())
            .ToList();
    }

    private static WebApplication ServerApp() =>
        AlertsServer.Build(["--urls=http://127.0.0.1:0", "--AzureWebJobsStorage=UseDevelopmentStorage=true"]);

    [Fact]
    public async Task HttpRoutes_AreTheSameInBothHosts()
    {
        var functionRoutes = Bindings("httpTrigger")
            .SelectMany(b => b.GetProperty("methods").EnumerateArray().Select(m => $"{m.GetString()!.ToUpperInvariant()} /api/{b.GetProperty("route").GetString()}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        await using var app = ServerApp();
        var serverRoutes = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(d => d.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal)) // not /openapi.json: the server's own
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(functionRoutes);
        Assert.Equal(functionRoutes, serverRoutes);
    }

    [Fact]
    public async Task QueueTriggers_AreTheDeclaredStagesQueues_AndTheQueuesTheServerListensTo()
    {
        var functionQueues = Bindings("queueTrigger").Select(b => b.GetProperty("queueName").GetString()!).Order(StringComparer.Ordinal).ToList();
        var declared = PipelineStages.Queued.Select(s => s.Queue!).Order(StringComparer.Ordinal).ToList();

        await using var app = ServerApp();
        var dispatched = app.Services.GetServices<IQueueMessageHandler>().Select(h => h.QueueName).Order(StringComparer.Ordinal).ToList();
        var listened = app.Services.GetServices<IHostedService>().OfType<QueueListenerService>().Single().QueueNames.Order(StringComparer.Ordinal).ToList();

        Assert.Equal(3, declared.Count);
        Assert.Equal(declared, functionQueues);
        Assert.Equal(declared, dispatched);
        Assert.Equal(declared, listened);
        Assert.All(Bindings("queueTrigger"), b => Assert.Equal("AzureWebJobsStorage", b.GetProperty("connection").GetString()));
    }

    [Fact]
    public void HostJson_IsTheRepositoryRootFile_WithTimelyPolling()
    {
        var built = File.ReadAllText(Path.Combine(FunctionsOutput(), "host.json"));
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")), built);

        using var hostJson = JsonDocument.Parse(built);
        var queues = hostJson.RootElement.GetProperty("extensions").GetProperty("queues");
        Assert.True(TimeSpan.Parse(queues.GetProperty("maxPollingInterval").GetString()!) <= TimeSpan.FromSeconds(2));
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
    }

    [Fact]
    public async Task TimerTrigger_SweepsOnTheDeclaredSchedule_AsOftenAsTheServer()
    {
        var timer = Assert.Single(Bindings("timerTrigger"));
        Assert.Equal(PipelineStages.Sweep.Schedule, timer.GetProperty("schedule").GetString());

        // "*/30 * * * * *": every 30 seconds, the server's default interval.
        var seconds = int.Parse(PipelineStages.Sweep.Schedule!.Split(' ')[0].TrimStart('*', '/'));
        await using var app = ServerApp();
        Assert.Equal(TimeSpan.FromSeconds(seconds), app.Services.GetRequiredService<IOptions<ReleaseSweepOptions>>().Value.SweepInterval);
    }
}
