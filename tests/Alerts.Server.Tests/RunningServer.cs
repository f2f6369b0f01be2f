using Alerts.Testing;
using Microsoft.AspNetCore.Builder;

namespace Alerts.Server.Tests;

/// <summary>The standalone server on a real Kestrel port over its own Azurite account, configured like any deployment: by command-line settings.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    public const string ReporterKey = "test-reporter-key";
    public const string Reporter2Key = "test-reporter2-key";
    public const string AnalystKey = "test-analyst-key";
    public const string AdminKey = "test-admin-key";
    public const string FeedKey = "test-feed-key";

    private RunningServer(WebApplication app, StorageAccount account, Uri baseAddress)
    {
        App = app;
        Account = account;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    public StorageAccount Account { get; }

    public HttpClient Client { get; }

    public static async Task<RunningServer> StartAsync(IDictionary<string, string>? settings = null, StorageAccount? account = null)
    {
        account ??= await StorageAccount.CreateAsync();
        var values = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Production",
            ["AzureWebJobsStorage"] = account.ConnectionString,
            ["Hold:Override"] = "00:00:02",
            ["Release:SweepInterval"] = "00:00:05",
            ["Auth:Keys:0:Key"] = ReporterKey,
            ["Auth:Keys:0:Role"] = "reporter",
            ["Auth:Keys:0:Name"] = "reporter-one",
            ["Auth:Keys:1:Key"] = Reporter2Key,
            ["Auth:Keys:1:Role"] = "reporter",
            ["Auth:Keys:1:Name"] = "reporter-two",
            ["Auth:Keys:2:Key"] = AnalystKey,
            ["Auth:Keys:2:Role"] = "analyst",
            ["Auth:Keys:2:Name"] = "duty-analyst",
            ["Auth:Keys:3:Key"] = AdminKey,
            ["Auth:Keys:3:Role"] = "admin",
            ["Auth:Keys:3:Name"] = "admin",
            ["Auth:Keys:4:Key"] = FeedKey,
            ["Auth:Keys:4:Role"] = "feed",
            ["Auth:Keys:4:Name"] = "aggregator",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var app = AlertsServer.Build(values.Select(kv => $"--{kv.Key}={kv.Value}").ToArray());
        await app.StartAsync();
        return new RunningServer(app, account, new Uri(app.Urls.First()));
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? key, string? json = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, contentType);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
