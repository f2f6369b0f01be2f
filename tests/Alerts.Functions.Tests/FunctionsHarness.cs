using System.Text;
using Alerts.Api;
using Alerts.Core;
using Alerts.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Functions.Tests;

/// <summary>The Functions app's registrations over an Azurite account, and real HttpRequests to hand to function methods.</summary>
public sealed class FunctionsHarness
{
    public const string ReporterKey = "fn-reporter-key";
    public const string AnalystKey = "fn-analyst-key";

    private FunctionsHarness(StorageAccount account, ServiceProvider services)
    {
        Account = account;
        Services = services;
    }

    public StorageAccount Account { get; }

    public ServiceProvider Services { get; }

    public static async Task<FunctionsHarness> CreateAsync(TimeProvider? time = null)
    {
        var account = await StorageAccount.CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = account.ConnectionString,
            ["Hold:Override"] = "00:01:00",
            ["Auth:Keys:0:Key"] = ReporterKey,
            ["Auth:Keys:0:Role"] = "reporter",
            ["Auth:Keys:0:Name"] = "fn-reporter",
            ["Auth:Keys:1:Key"] = AnalystKey,
            ["Auth:Keys:1:Role"] = "analyst",
            ["Auth:Keys:1:Name"] = "fn-analyst",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        // The same registrations as Program.cs of the Functions app.
        services.AddAlertsCore(configuration).AddAlertsApi();
        services.AddSingleton<IncidentFunctions>();
        services.AddSingleton<ReleaseFunctions>();
        services.AddSingleton<HealthFunction>();
        return new FunctionsHarness(account, services.BuildServiceProvider());
    }

    public HttpRequest Request(string method, string path, string? key, string? body = null, string contentType = "application/json")
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = method;
        context.Request.Path = path;
        if (key is not null)
        {
            context.Request.Headers["X-Api-Key"] = key;
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = contentType;
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Runs the action result the way the Functions ASP.NET Core integration does, and reads the response.</summary>
    public static async Task<(int Status, IHeaderDictionary Headers, string Body)> Execute(HttpRequest request, IActionResult result)
    {
        await result.ExecuteResultAsync(new ActionContext(request.HttpContext, new RouteData(), new ActionDescriptor()));
        var response = request.HttpContext.Response;
        response.Body.Position = 0;
        return (response.StatusCode, response.Headers, await new StreamReader(response.Body).ReadToEndAsync());
    }
}
