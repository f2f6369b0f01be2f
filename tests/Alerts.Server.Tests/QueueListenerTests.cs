using System.Text.Json;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Server.Tests;

/// <summary>The server's queue listener has the Functions queue-trigger semantics, against real Azurite.</summary>
public class QueueListenerTests
{
    [Fact]
    public async Task MalformedReleaseMessage_LandsInThePoisonQueueAfterMaxDequeueCount()
    {
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string>
        {
            ["Queues:MaxDequeueCount"] = "2",
            ["Queues:VisibilityTimeout"] = "00:00:00",
        });

        // The queue client encodes Base64, as the Functions trigger expects; the body is not a release message.
        await server.Account.Connection.Queue(PipelineStages.ReleaseQueue).SendMessageAsync("this is not json");

        var poison = server.Account.Connection.Queue(PipelineQueue.PoisonOf(PipelineStages.ReleaseQueue));
        var poisoned = await Eventually.Until(
            async () => (await poison.PeekMessagesAsync(10)).Value,
            messages => messages.Length > 0);
        Assert.Equal("this is not json", Assert.Single(poisoned).Body.ToString());
        Assert.Equal(0, await StorageProbe.QueueLengthAsync(server.Account, PipelineStages.ReleaseQueue));
    }

    [Fact]
    public async Task TwoServersOnOneAccount_ReleaseEveryIncidentExactlyOnce()
    {
        var account = await StorageAccount.CreateAsync();
        await using var a = await RunningServer.StartAsync(account: account);
        await using var b = await RunningServer.StartAsync(account: account);
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var server = i % 2 == 0 ? a : b;
            var response = await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/incidents", RunningServer.ReporterKey, SampleReports.Json(SampleReports.Distinct(i, $"r-{i}"))));
            ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("incidentId").GetString()!);
        }

        Assert.Equal(20, ids.Distinct().Count());
        foreach (var id in ids)
        {
            var rows = await Eventually.Until(
                () => StorageProbe.RowsAsync(account, TableNames.Incidents, id),
                r => r.Single(x => x.RowKey == "incident").GetString("Status") == nameof(IncidentStatus.Released));
            Assert.Single(rows, r => r.GetString("Action") == TimelineActions.Released);
        }
    }
}
