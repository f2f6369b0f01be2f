using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline;
using Alerts.Core.Pipeline.Decisions;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Pipeline.Release;
using Alerts.Core.Storage;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Pipeline.Release;

/// <summary>Release against real Azurite: exactly once under races, and nothing for decided incidents.</summary>
public class ReleaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(StorageAccount Account, ServiceProvider Services, FakeTimeProvider Time, Incident Incident)> HeldIncident()
    {
        var held = await Testing.HeldIncident.CreateAsync(Now);
        return (held.Account, held.Services, held.Time, held.Incident);
    }

    private static async Task<int> ReleasedEntries(StorageAccount account, string incidentId) =>
        (await StorageProbe.RowsAsync(account, TableNames.Incidents, incidentId)).Count(r => r.GetString("Action") == TimelineActions.Released);

    [Fact]
    public async Task TwoMessagesAndTheSweepRacing_ReleaseExactlyOnce()
    {
        var (account, services, time, incident) = await HeldIncident();
        time.Advance(TimeSpan.FromMinutes(10));
        var handler = services.GetRequiredService<ReleaseHandler>();
        var sweep = services.GetRequiredService<ReleaseSweep>();
        var message = new ReleaseMessage(incident.Id, incident.HoldUntil);

        var outcomes = await Task.WhenAll(
            Task.Run(() => handler.HandleAsync(message, CancellationToken.None)),
            Task.Run(() => handler.HandleAsync(message, CancellationToken.None)),
            Task.Run(async () => await sweep.RunAsync(CancellationToken.None) == 1 ? ReleaseOutcome.Released : ReleaseOutcome.NothingToDo));

        Assert.Single(outcomes, o => o == ReleaseOutcome.Released);
        Assert.Equal(1, await ReleasedEntries(account, incident.Id));
        var stored = await services.GetRequiredService<IncidentStore>().FindAsync(incident.Id, CancellationToken.None);
        Assert.Equal(IncidentStatus.Released, stored!.Status);
        Assert.Equal(Now + TimeSpan.FromMinutes(10), stored.ReleasedAt);
    }

    [Fact]
    public async Task MessageForAlreadyReleasedIncident_DoesNothing()
    {
        var (account, services, time, incident) = await HeldIncident();
        time.Advance(TimeSpan.FromMinutes(10));
        var handler = services.GetRequiredService<ReleaseHandler>();
        var message = new ReleaseMessage(incident.Id, incident.HoldUntil);

        Assert.Equal(ReleaseOutcome.Released, await handler.HandleAsync(message, CancellationToken.None));
        Assert.Equal(ReleaseOutcome.NothingToDo, await handler.HandleAsync(message, CancellationToken.None));
        Assert.Equal(1, await ReleasedEntries(account, incident.Id));
    }

    [Fact]
    public async Task MessageForRetractedIncident_DoesNothing()
    {
        var (account, services, time, incident) = await HeldIncident();
        var store = services.GetRequiredService<IncidentStore>();
        var retraction = await services.GetRequiredService<AnalystDecisions>().RetractAsync(incident.Id, "duty", "test", CancellationToken.None);
        Assert.Equal(DecisionStatus.Done, retraction.Status);
        time.Advance(TimeSpan.FromMinutes(10));

        var outcome = await services.GetRequiredService<ReleaseHandler>().HandleAsync(new ReleaseMessage(incident.Id, incident.HoldUntil), CancellationToken.None);

        Assert.Equal(ReleaseOutcome.NothingToDo, outcome);
        Assert.Equal(0, await ReleasedEntries(account, incident.Id));
        Assert.Equal(IncidentStatus.Retracted, (await store.FindAsync(incident.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task MessageScheduledForAnOlderHoldEnd_DoesNothing()
    {
        var (account, services, time, incident) = await HeldIncident();
        time.Advance(TimeSpan.FromMinutes(10));

        var outcome = await services.GetRequiredService<ReleaseHandler>().HandleAsync(new ReleaseMessage(incident.Id, incident.HoldUntil.AddMinutes(-1)), CancellationToken.None);

        Assert.Equal(ReleaseOutcome.NothingToDo, outcome);
        Assert.Equal(0, await ReleasedEntries(account, incident.Id));
    }

    [Fact]
    public async Task MessageArrivingBeforeTheHoldEnds_IsRescheduledNotReleased()
    {
        var (account, services, _, incident) = await HeldIncident();

        var outcome = await services.GetRequiredService<ReleaseHandler>().HandleAsync(new ReleaseMessage(incident.Id, incident.HoldUntil), CancellationToken.None);

        Assert.Equal(ReleaseOutcome.Rescheduled, outcome);
        Assert.Equal(0, await ReleasedEntries(account, incident.Id));
        Assert.Equal(2, await StorageProbe.QueueLengthAsync(account, PipelineStages.ReleaseQueue));
    }

    [Fact]
    public async Task Sweep_LeavesIncidentsStillInTheirHoldOrGrace()
    {
        var (_, services, time, incident) = await HeldIncident();
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(5));

        Assert.Equal(0, await services.GetRequiredService<ReleaseSweep>().RunAsync(CancellationToken.None));
        Assert.Equal(IncidentStatus.Held, (await services.GetRequiredService<IncidentStore>().FindAsync(incident.Id, CancellationToken.None))!.Status);
    }
}
