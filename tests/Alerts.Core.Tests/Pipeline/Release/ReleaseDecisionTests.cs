using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Release;
using Alerts.Core.Tests.Domain.Incidents;

namespace Alerts.Core.Tests.Pipeline.Release;

/// <summary>When a hold ends, every case of the decision.</summary>
public class ReleaseDecisionTests
{
    private static readonly DateTimeOffset HoldEnd = SampleIncidents.Received.AddMinutes(8);

    [Theory]
    [InlineData(IncidentStatus.Held, 0, false, false, ReleaseOutcome.Released, IncidentStatus.Released)]
    [InlineData(IncidentStatus.Contested, 0, false, false, ReleaseOutcome.Released, IncidentStatus.Released)]
    [InlineData(IncidentStatus.Held, 0, true, false, ReleaseOutcome.AwaitingConfirmation, IncidentStatus.AwaitingConfirmation)]
    [InlineData(IncidentStatus.Held, -1, false, false, ReleaseOutcome.Rescheduled, null)]
    [InlineData(IncidentStatus.Held, 0, false, true, ReleaseOutcome.NothingToDo, null)]
    [InlineData(IncidentStatus.AwaitingConfirmation, 0, false, false, ReleaseOutcome.NothingToDo, null)]
    [InlineData(IncidentStatus.Released, 0, false, false, ReleaseOutcome.NothingToDo, null)]
    [InlineData(IncidentStatus.Retracted, 0, false, false, ReleaseOutcome.NothingToDo, null)]
    [InlineData(IncidentStatus.Cancelled, 0, false, false, ReleaseOutcome.NothingToDo, null)]
    public void IfDue_ReleasesAwaitsOrLeavesIt(IncidentStatus status, int secondsPastEnd, bool needsConfirmation, bool scheduledForAnotherEnd, ReleaseOutcome outcome, IncidentStatus? after)
    {
        var incident = SampleIncidents.In(status);
        var scheduledFor = scheduledForAnotherEnd ? HoldEnd.AddMinutes(-1) : HoldEnd;

        var decision = ReleaseDecision.IfDue(incident, scheduledFor, needsConfirmation, Actor.System, "hold ended", HoldEnd.AddSeconds(secondsPastEnd));

        Assert.Equal(outcome, decision.Result);
        Assert.Equal(after, decision.Change?.Next.Status);
    }

    [Fact]
    public void IfDue_UnknownIncident_IsNotFound() =>
        Assert.Equal(ReleaseOutcome.NotFound, ReleaseDecision.IfDue(null, null, false, Actor.System, "hold ended", HoldEnd).Result);

    [Fact]
    public void Release_IssuesTheAlertAsTheNextPublicNotice_AndRecordsWhoAndWhy()
    {
        var change = ReleaseDecision.Release(SampleIncidents.In(IncidentStatus.Held), Actor.Analyst("duty"), "confirmed by analyst duty", HoldEnd);

        var notice = Assert.Single(change.Notices);
        Assert.Equal((1, NoticeTypes.Alert, NoticeAudience.Subscribers), (notice.Number, notice.Type, notice.Audience));
        Assert.Equal(HoldEnd, change.Next.ReleasedAt);
        Assert.True(change.Next.FanoutPending);
        var entry = Assert.Single(change.Timeline);
        Assert.Equal((3, "analyst:duty", TimelineActions.Released), (entry.Sequence, entry.Actor.ToString(), entry.Action));
    }

    [Fact]
    public void AwaitConfirmation_TellsAnalystsOnly()
    {
        var change = ReleaseDecision.AwaitConfirmation(SampleIncidents.In(IncidentStatus.Held), HoldEnd);

        var review = Assert.Single(change.Notices);
        Assert.Equal((NoticeTypes.Review, NoticeAudience.Analysts), (review.Type, review.Audience));
        Assert.False(change.Next.FanoutPending);
        Assert.True(change.Next.ReviewPending);
    }
}
