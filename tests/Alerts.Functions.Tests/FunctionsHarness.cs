using Alerts.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Functions.Tests;

/// <summary>
/// The Functions app's own registrations (<see cref="AlertsFunctionsServiceCollectionExtensions.AddAlertsFunctions"/>) over an
/// Azurite account; function classes made as the worker makes them, and real HttpRequests to hand to their methods.
/// </summary>
public sealed class FunctionsHarness
{
    public const string ReporterKey = TestApiKeys.Reporter;
    public const string AnalystKey = TestApiKeys.Analyst;
    public const string AdminKey = TestApiKeys.Admin;

    private FunctionsHarness(StorageAccount account, ServiceProvider services)
    {
        Account = account;
        Services = services;
    }

    public StorageAccount Account { get; }

    public ServiceProvider Services { get; }

    public static async Task<FunctionsHarness> CreateAsync(TimeProvider? time = null, IDictionary<string, string?>? settings = null)
    {
        var account = await StorageAccount.CreateAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = account.ConnectionString, ["Hold:Override"] = "00:01:00" })
            .AddInMemoryCollection(TestApiKeys.Settings())
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddAlertsFunctions(configuration);
        return new FunctionsHarness(account, services.BuildServiceProvider());
    }

    /// <summary>A function class, activated from the app's services as the Functions worker does.</summary>
    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    public HttpRequest Request(string method, string path, string? key, string? body = null, string contentType = "application/json", string? query = null) =>
        HttpCalls.Request(Services, method, path, key, body, contentType, query);

    /// <summary>Runs the action result the way the Functions ASP.NET Core integration does, and reads the response.</summary>
    public static async Task<HttpCallResponse> Execute(HttpRequest request, IActionResult result)
    {
        await result.ExecuteResultAsync(new ActionContext(request.HttpContext, new RouteData(), new ActionDescriptor()));
        return await HttpCalls.ResponseAsync(request);
    }

    /// <summary>Submits a sample report through <see cref="IncidentFunctions.SubmitIncident"/>; returns the 202's body.</summary>
    public async Task<System.Text.Json.JsonElement> SubmitAsync()
    {
        var post = Request("POST", "/api/incidents", ReporterKey, SampleReports.Json(SampleReports.Przewodow()));
        var response = await Execute(post, await Function<IncidentFunctions>().SubmitIncident(post, CancellationToken.None));
        Assert.Equal(202, response.Status);
        return response.Json;
    }
}
