using System.Text.Json;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Alerts.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Functions.Tests;

/// <summary>The release stage's queue trigger and sweep timer, called with real payloads.</summary>
public class ReleaseFunctionsTests
{
    [Fact]
    public async Task ReleaseIncident_QueuePayload_ReleasesOnce_AndSweepFindsNothingLeft()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var harness = await FunctionsHarness.CreateAsync(time);
        var functions = harness.Function<IncidentFunctions>();
        var post = harness.Request("POST", "/api/incidents", FunctionsHarness.ReporterKey, SampleReports.Json(SampleReports.Przewodow()));
        var (_, _, body) = await FunctionsHarness.Execute(post, await functions.SubmitIncident(post, CancellationToken.None));
        var accepted = JsonDocument.Parse(body).RootElement;
        var id = accepted.GetProperty("incidentId").GetString()!;
        time.Advance(TimeSpan.FromMinutes(2));

        var release = harness.Function<ReleaseFunctions>();
        var payload = QueueMessages.Serialize(new ReleaseMessage(id, accepted.GetProperty("holdUntil").GetDateTimeOffset()));
        await release.ReleaseIncident(payload, CancellationToken.None);
        await release.ReleaseIncident(payload, CancellationToken.None);
        await release.SweepReleases(new TimerInfo(), CancellationToken.None);

        var rows = await StorageProbe.RowsAsync(harness.Account, TableNames.Incidents, id);
        Assert.Equal(nameof(IncidentStatus.Released), rows.Single(r => r.RowKey == "incident").GetString("Status"));
        Assert.Single(rows, r => r.GetString("Action") == TimelineActions.Released);
    }

    [Fact]
    public async Task ReleaseIncident_MalformedPayload_Throws_SoTheHostRetriesThenPoisons()
    {
        var harness = await FunctionsHarness.CreateAsync();

        await Assert.ThrowsAsync<QueueMessageFormatException>(() =>
            harness.Function<ReleaseFunctions>().ReleaseIncident("{not json", CancellationToken.None));
    }
}
