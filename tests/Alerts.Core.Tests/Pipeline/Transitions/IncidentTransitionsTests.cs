using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline;
using Alerts.Core.Pipeline.Decisions;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Pipeline.Release;
using Alerts.Core.Pipeline.Transitions;
using Alerts.Core.Storage;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Pipeline.Transitions;

/// <summary>The one way an incident changes, against real Azurite.</summary>
public class IncidentTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(StorageAccount Account, ServiceProvider Services, FakeTimeProvider Time, Incident Incident)> HeldIncident()
    {
        var held = await Testing.HeldIncident.CreateAsync(Now);
        return (held.Account, held.Services, held.Time, held.Incident);
    }

    [Fact]
    public async Task AMoveTheLifecycleForbids_IsRefused_AndNothingIsWritten()
    {
        var (account, services, _, incident) = await HeldIncident();
        var transitions = services.GetRequiredService<IncidentTransitions>();
        await services.GetRequiredService<AnalystDecisions>().RetractAsync(incident.Id, "duty", "false report", CancellationToken.None);
        var before = await StorageProbe.RowsAsync(account, TableNames.Incidents, incident.Id);

        // Retracted is final: a decision that tries to release it is a bug, and the primitive will not write it.
        await Assert.ThrowsAsync<InvalidOperationException>(() => transitions.ApplyAsync(
            incident.Id,
            (current, now) => Decide.Write(ReleaseDecision.Release(current!, Actor.System, "bug", now), true),
            CancellationToken.None));

        var after = await StorageProbe.RowsAsync(account, TableNames.Incidents, incident.Id);
        Assert.Equal(before.Select(r => (r.RowKey, r.ETag)), after.Select(r => (r.RowKey, r.ETag)));
    }

    [Fact]
    public async Task ConcurrentChanges_EachLandsOnce_AfterRetryingTheRace()
    {
        var (account, services, _, incident) = await HeldIncident();
        var decisions = services.GetRequiredService<AnalystDecisions>();

        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            Task.Run(() => decisions.ExtendAsync(incident.Id, $"analyst-{i}", null, TimeSpan.FromMinutes(1), null, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(DecisionStatus.Done, r.Status));
        var rows = await StorageProbe.RowsAsync(account, TableNames.Incidents, incident.Id);
        Assert.Equal(6, rows.Count(r => r.GetString("Action") == TimelineActions.Extended));
        var stored = await services.GetRequiredService<IncidentStore>().FindAsync(incident.Id, CancellationToken.None);
        Assert.Equal(incident.HoldUntil + TimeSpan.FromMinutes(6), stored!.HoldUntil);
        Assert.Equal(Enumerable.Range(1, stored.TimelineCount), rows.Where(r => r.RowKey.StartsWith(IncidentRows.TimelinePrefix, StringComparison.Ordinal)).Select(r => r.GetInt32("Sequence")!.Value).Order());
    }

    [Fact]
    public async Task AChangeThatFilesAReportFiledAlready_WritesNothing()
    {
        var (account, services, _, incident) = await HeldIncident();
        var transitions = services.GetRequiredService<IncidentTransitions>();
        var filed = new ReportRecord("reporter-a", "r-1", Now, "{}");

        var transition = await transitions.ApplyAsync(
            incident.Id,
            (current, now) => Decide.Write(new IncidentChange(current! with { TimelineCount = current.TimelineCount + 1 }, [current.NextEntry(now, Actor.Reporter("reporter-a"), TimelineActions.ReportJoined, null)], [], filed), true),
            CancellationToken.None);

        Assert.Equal(TransitionStatus.ReportExists, transition.Status);
        Assert.Equal(2, (await StorageProbe.RowsAsync(account, TableNames.Incidents, incident.Id)).Count(r => r.RowKey.StartsWith(IncidentRows.TimelinePrefix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AHandOffThatFails_LeavesTheChangeStanding_AndTheSweepDoesItLater()
    {
        var (account, services, time, incident) = await HeldIncident();
        await account.Connection.Queue(PipelineStages.ReleaseQueue).DeleteAsync();

        var extended = await services.GetRequiredService<AnalystDecisions>().ExtendAsync(incident.Id, "duty", null, TimeSpan.FromMinutes(5), "waiting for imagery", CancellationToken.None);

        Assert.Equal(DecisionStatus.Done, extended.Status);
        await account.Connection.Queue(PipelineStages.ReleaseQueue).CreateAsync();
        time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, await services.GetRequiredService<ReleaseSweep>().RunAsync(CancellationToken.None));
        Assert.Equal(IncidentStatus.Released, (await services.GetRequiredService<IncidentStore>().FindAsync(incident.Id, CancellationToken.None))!.Status);
    }

    /// <summary>Issue 15: a write that was made but whose answer was lost is still this writer's: the report opens its incident and its release is queued.</summary>
    [Fact]
    public async Task AWriteWhoseAnswerIsLost_IsKnownAsItsOwn()
    {
        var account = await StorageAccount.CreateAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(account);
        var lost = 0;
        proxy.Rules = [new(StorageFault.ResetAfter, 1, r => StorageFaultRule.BatchOn(TableNames.Incidents)(r) && Interlocked.Increment(ref lost) == 1)];
        var services = CoreServices.Create(account, new FakeTimeProvider(Now), new Dictionary<string, string?> { ["AzureWebJobsStorage"] = proxy.ConnectionString });
        var report = services.GetRequiredService<ReportValidator>().Validate(SampleReports.Przewodow("r-lost", Now.AddMinutes(-1))).Report!;

        var result = await services.GetRequiredService<IntakeHandler>().SubmitAsync("reporter-a", report, CancellationToken.None);

        Assert.Equal(1, proxy.Injected[StorageFault.ResetAfter]);
        Assert.Equal(IntakeOutcome.Opened, result.Outcome);
        Assert.Equal(1, await StorageProbe.QueueLengthAsync(account, PipelineStages.ReleaseQueue));
        Assert.Single(await StorageProbe.RowsAsync(account, TableNames.Incidents, result.Incident.Id), r => r.RowKey == IncidentRows.Incident);
    }
}
