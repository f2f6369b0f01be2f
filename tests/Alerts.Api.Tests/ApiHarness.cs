using Alerts.Core;
using Alerts.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Api.Tests;

/// <summary>The shared composition root with the API's endpoints over a fresh Azurite account, and requests to call them with.</summary>
public sealed class ApiHarness
{
    private ApiHarness(StorageAccount account, ServiceProvider services)
    {
        Account = account;
        Services = services;
    }

    public StorageAccount Account { get; }

    public ServiceProvider Services { get; }

    public static async Task<ApiHarness> CreateAsync(TimeProvider? time = null, IDictionary<string, string?>? settings = null)
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

        services.AddAlertsCore(configuration).AddAlertsApi();
        return new ApiHarness(account, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public HttpRequest Request(string method, string path, string? key, string? body = null, string contentType = "application/json", string? query = null) =>
        HttpCalls.Request(Services, method, path, key, body, contentType, query);

    /// <summary>Submits a sample report (as the reporter key) and returns the incident id.</summary>
    public async Task<string> SubmitAsync(Action<Alerts.Core.Pipeline.Intake.IncidentReport>? change = null)
    {
        var report = SampleReports.Przewodow();
        change?.Invoke(report);
        var request = Request("POST", "/api/incidents", TestApiKeys.Reporter, SampleReports.Json(report));
        var response = await HttpCalls.ExecuteAsync(request, await Get<IncidentEndpoints>().SubmitIncident(request, CancellationToken.None));
        Assert.Equal(202, response.Status);
        return response.Json.GetProperty("incidentId").GetString()!;
    }
}
