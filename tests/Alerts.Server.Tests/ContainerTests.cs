using System.Text.RegularExpressions;
using Alerts.Server.Queues;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Server.Tests;

/// <summary>
/// Docker cannot run here, so what the image and the compose file promise is checked against the server itself: the
/// image listens where ShutdownTests shows the server binds, runs as a non-root user, and gets SIGTERM directly; the
/// compose file's settings pass the server's start-up validation and give it time to drain.
/// </summary>
public partial class ContainerTests
{
    private static string Read(string file) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, file));

    [GeneratedRegex(@"^\s{6}([A-Za-z_]+):\s*""?(.*?)""?\s*$", RegexOptions.Multiline)]
    private static partial Regex ComposeVariable();

    [Fact]
    public void Dockerfile_ListensOnTheHttpPortsVariable_AsANonRootUser_WithTheServerAsEntryPoint()
    {
        var dockerfile = Read("Dockerfile");

        Assert.Matches(@"ENV ASPNETCORE_HTTP_PORTS=8080", dockerfile);
        Assert.Matches(@"(?m)^EXPOSE 8080$", dockerfile);
        Assert.Matches(@"(?m)^USER \$APP_UID$", dockerfile);
        Assert.Matches(@"(?m)^ENTRYPOINT \[""dotnet"", ""Alerts.Server.dll""\]$", dockerfile);
        Assert.Contains("src/Alerts.Server/Alerts.Server.csproj", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeSettings_PassTheServersValidation_AndLeaveTimeToDrain()
    {
        var compose = Read("compose.yaml");
        var settings = ComposeVariable().Matches(compose[compose.IndexOf("environment:", StringComparison.Ordinal)..])
            .ToDictionary(m => m.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal), m => m.Groups[2].Value);
        var grace = TimeSpan.FromSeconds(int.Parse(Regex.Match(compose, @"stop_grace_period: (\d+)s").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

        await using var app = AlertsServer.Build([.. settings.Select(kv => $"--{kv.Key}={kv.Value}"), "--urls=http://127.0.0.1:0"]);
        var validated = app.Services.GetRequiredService<IOptions<QueueListenerOptions>>().Value;
        var validators = app.Services.GetServices<IStartupValidator>().ToList();
        Assert.NotEmpty(validators);
        foreach (var validator in validators)
        {
            validator.Validate();
        }

        Assert.Contains("AzureWebJobsStorage", settings.Keys);
        Assert.True(grace > app.Services.GetRequiredService<IOptions<Microsoft.Extensions.Hosting.HostOptions>>().Value.ShutdownTimeout, $"stop_grace_period {grace} must outlast the drain ({validated.DrainTimeout}) and its margin");
    }
}
