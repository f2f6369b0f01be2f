using System.Text.Json;
using Alerts.Core.Domain;
using Alerts.Core.Pipeline;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Pipeline.Release;
using Alerts.Core.Storage;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Pipeline.Release;

/// <summary>A review for analysts recorded by a change whose hand-off to fan-out then failed is queued by the sweep.</summary>
public class ReviewOutboxTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReviewRecordedButNeverQueued_TheSweepQueuesItOnce_AndClearsTheFlag()
    {
        var account = await StorageAccount.CreateAsync();
        var time = new FakeTimeProvider(Now);
        var services = CoreServices.Create(account, time);
        var intake = services.GetRequiredService<IntakeHandler>();
        var validator = services.GetRequiredService<ReportValidator>();
        var first = await intake.SubmitAsync("reporter-a", validator.Validate(SampleReports.Przewodow("r-1", Now.AddMinutes(-3))).Report!, CancellationToken.None);

        // A contradicting report issues a review; queueing its fan-out fails (the queue is gone), after the commit: the
        // report is accepted all the same, and the review is left to the sweep.
        var contradicting = SampleReports.Przewodow("r-2", Now.AddMinutes(-3));
        contradicting.Attribution!.Actor = "Ukrainian air-defence missile";
        var fanoutQueue = account.Connection.Queue(PipelineStages.FanoutQueue);
        await fanoutQueue.DeleteAsync();
        var contested = await intake.SubmitAsync("reporter-b", validator.Validate(contradicting).Report!, CancellationToken.None);
        Assert.Equal(IntakeOutcome.Contested, contested.Outcome);
        await fanoutQueue.CreateAsync();
        var store = services.GetRequiredService<IncidentStore>();
        Assert.True((await store.FindAsync(first.Incident.Id, CancellationToken.None))!.ReviewPending);

        time.Advance(TimeSpan.FromMinutes(1));
        await services.GetRequiredService<ReleaseSweep>().RunAsync(CancellationToken.None);
        await services.GetRequiredService<ReleaseSweep>().RunAsync(CancellationToken.None);

        var incident = await store.FindAsync(first.Incident.Id, CancellationToken.None);
        Assert.False(incident!.ReviewPending);
        var message = Assert.Single((await fanoutQueue.ReceiveMessagesAsync(32)).Value);
        var fanout = JsonSerializer.Deserialize<FanoutMessage>(message.Body.ToString(), AlertsJson.Options)!;
        Assert.Equal(first.Incident.Id, fanout.IncidentId);
        Assert.Equal(incident.LastReview, fanout.Notice);
    }

    [Fact]
    public async Task ReviewQueuedNormally_LeavesNoFlagForTheSweep()
    {
        var account = await StorageAccount.CreateAsync();
        var services = CoreServices.Create(account, new FakeTimeProvider(Now));
        var intake = services.GetRequiredService<IntakeHandler>();
        var validator = services.GetRequiredService<ReportValidator>();
        await intake.SubmitAsync("reporter-a", validator.Validate(SampleReports.Przewodow("r-1", Now.AddMinutes(-3))).Report!, CancellationToken.None);
        var contradicting = SampleReports.Przewodow("r-2", Now.AddMinutes(-3));
        contradicting.Attribution!.Actor = "Ukrainian air-defence missile";

        var contested = await intake.SubmitAsync("reporter-b", validator.Validate(contradicting).Report!, CancellationToken.None);

        Assert.Equal(IntakeOutcome.Contested, contested.Outcome);
        var incident = await services.GetRequiredService<IncidentStore>().FindAsync(contested.Incident.Id, CancellationToken.None);
        Assert.False(incident!.ReviewPending);
        Assert.True(incident.LastReview > 0);
        Assert.Equal(1, await StorageProbe.QueueLengthAsync(account, PipelineStages.FanoutQueue));
    }
}
