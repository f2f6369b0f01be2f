using System.Net;
using System.Text.Json;
using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Server.Tests;

/// <summary>
/// Issue 14: how the server process binds and stops as a container runs it. SIGTERM lets in-flight sends finish and
/// be recorded, gives back what cannot finish in time (for another instance to take at once), and exits 0.
/// </summary>
public class ShutdownTests
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "Alerts.Server.dll");

    private static Dictionary<string, string> Settings(StorageAccount account, params (string Key, string Value)[] extra) => new(PipelineSettings.With(
        [("AzureWebJobsStorage", account.ConnectionString), ("environment", "Production"), ("Hold:Override", "00:00:01"),
         ("Auth:Keys:0:Key", RunningServer.ReporterKey), ("Auth:Keys:0:Role", "reporter"), ("Auth:Keys:0:Name", "reporter-one"),
         ("Logging:LogLevel:Default", "Warning"), .. extra]));

    private static async Task SubscribeAsync(StorageAccount account, WebhookReceiver receiver)
    {
        await using var services = CoreServices.Create(account, TimeProvider.System);
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Admin.SubscriberRegistry>(services)
            .CreateAsync(new Core.Domain.Subscribers.SubscriberDraft("hook", Core.Domain.Subscribers.SubscriberChannel.Webhook, new Uri(receiver.BaseUrl, "hook").AbsoluteUri, Core.Domain.Subscribers.SubscriberFilter.All, true), CancellationToken.None);
    }

    private static async Task<string> ReportAsync(ServerProcess server)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/incidents") { Content = new StringContent(SampleReports.Json(SampleReports.Przewodow()), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", RunningServer.ReporterKey);
        var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("incidentId").GetString()!;
    }

    [Theory]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    [InlineData("ASPNETCORE_URLS")]
    public async Task BindsWhereTheContainerVariablesSay_OnEveryInterface(string variable)
    {
        var account = await StorageAccount.CreateAsync();
        var port = FreePort.Next();
        var value = variable == "ASPNETCORE_URLS" ? $"http://+:{port}" : port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var environment = new Dictionary<string, string> { [variable] = value, ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information" };

        await using var server = await ServerProcess.StartAsync(ServerDll, Settings(account), environment, port);

        Assert.Equal(port, server.BaseAddress.Port);
        Assert.True((await server.Client.GetAsync("/api/health")).IsSuccessStatusCode);
        Assert.Matches($"Now listening on: http://(\\[::\\]|0\\.0\\.0\\.0):{port}", server.Output);
    }

    [Fact]
    public async Task SigtermWithASendInFlight_LetsItFinishAndBeRecorded_ThenExits0()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => new WebhookReceiver.Reply(204, Delay: TimeSpan.FromSeconds(3));
        var account = await StorageAccount.CreateAsync();
        await SubscribeAsync(account, receiver);
        await using var server = await ServerProcess.StartAsync(ServerDll, Settings(account, ("Logging:LogLevel:Default", "Information")));
        var id = await ReportAsync(server);
        await Eventually.Until(() => Task.FromResult(receiver.Requests.Count), n => n == 1);

        server.Terminate();
        var exit = await server.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, exit);
        var row = Assert.Single(await StorageProbe.RowsAsync(account, TableNames.Deliveries), r => r.GetString("IncidentId") == id);
        Assert.Equal("Delivered", row.GetString("Status"));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task SigtermWithASendThatCannotFinishInTime_GivesItBack_AndTheNextInstanceSendsItUnderTheSameWebhookId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, call) => new WebhookReceiver.Reply(204, Delay: call == 1 ? TimeSpan.FromMinutes(2) : null);
        var account = await StorageAccount.CreateAsync();
        await SubscribeAsync(account, receiver);
        var settings = Settings(account, ("Queues:DrainTimeout", "00:00:02"), ("Delivery:AttemptTimeout", "00:01:00"));
        var first = await ServerProcess.StartAsync(ServerDll, settings);
        var id = await ReportAsync(first);
        await Eventually.Until(() => Task.FromResult(receiver.Requests.Count), n => n == 1);

        first.Terminate();
        var exit = await first.WaitForExitAsync(TimeSpan.FromMinutes(1));
        var released = Assert.Single(await StorageProbe.RowsAsync(account, TableNames.Deliveries), r => r.GetString("IncidentId") == id);
        await using var second = await ServerProcess.StartAsync(ServerDll, settings);
        var delivered = await Eventually.Until(
            async () => (await StorageProbe.RowsAsync(account, TableNames.Deliveries)).Single(r => r.GetString("IncidentId") == id),
            r => r.GetString("Status") == "Delivered");

        Assert.Equal(0, exit);
        Assert.Equal("Pending", released.GetString("Status"));
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.Headers["webhook-id"]).Distinct());
        Assert.Equal(2, delivered.GetInt32("AttemptsMade"));
        await first.DisposeAsync();
    }

    [Fact]
    public async Task SigtermWhileStillStarting_ExitsCleanlyWithAMessage()
    {
        // Storage that does not answer keeps the server in its start-up, creating tables, for several seconds.
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=nobody;AccountKey=bm9ib2R5;QueueEndpoint=http://127.0.0.1:{FreePort.Next()}/nobody;TableEndpoint=http://127.0.0.1:{FreePort.Next()}/nobody;",
            ["Auth:Keys:0:Key"] = RunningServer.ReporterKey, ["Auth:Keys:0:Role"] = "reporter", ["Auth:Keys:0:Name"] = "r",
        };
        await using var server = await ServerProcess.StartAsync(ServerDll, settings, waitUntilHealthy: false);
        // The hosted services start after the host has taken over SIGTERM: from this line on, the signal is the host's.
        await Eventually.Until(() => Task.FromResult(server.Output), o => o.Contains("Creating tables and queues", StringComparison.Ordinal));

        server.Terminate();
        var exit = await server.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, exit);
        Assert.DoesNotContain("Unhandled exception", server.Output, StringComparison.Ordinal);
        Assert.Contains("Alerts stopped while starting", server.Output, StringComparison.Ordinal);
    }
}
