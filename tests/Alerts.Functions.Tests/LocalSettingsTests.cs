using System.Text.Json;
using Alerts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Tests;

/// <summary>
/// <c>func start</c> cannot run here, so what it relies on is checked: the example local settings pass the app's own
/// start-up validation, and they say what the standalone server's development settings say.
/// </summary>
public class LocalSettingsTests
{
    private static Dictionary<string, string?> ExampleValues()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Alerts.Functions", "local.settings.example.json")));
        return json.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => (string?)p.Value.GetString());
    }

    [Fact]
    public void Example_PassesStartUpValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(ExampleValues()).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAlertsFunctions(configuration);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal("dotnet-isolated", configuration["FUNCTIONS_WORKER_RUNTIME"]);
    }

    [Fact]
    public void Example_MatchesTheServersDevelopmentSettings()
    {
        var server = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot.Path, "src", "Alerts.Server", "appsettings.Development.json"))
            .Build()
            .AsEnumerable()
            .Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => bool.TryParse(kv.Value, out var flag) ? (flag ? "true" : "false") : kv.Value, StringComparer.OrdinalIgnoreCase);
        var example = ExampleValues().Where(kv => kv.Key != "FUNCTIONS_WORKER_RUNTIME").ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(server.OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase), example.OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase));
    }
}
