using Alerts.Core.Domain.Hold;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Tests.Domain.Incidents;
using Alerts.Testing;

namespace Alerts.Core.Tests.Pipeline.Intake;

/// <summary>What a reporter's CAP Update or Cancel of its own report does, in every status and with other sources or an analyst involved.</summary>
public class FollowUpDecisionTests
{
    private static readonly HoldPolicy Hold = new(new FixedOptions<HoldOptions>(new HoldOptions()));
    private static readonly DateTimeOffset Now = SampleIncidents.Received.AddMinutes(1);
    private static readonly ReportRecord Follow = new("reporter-a", "sender,id-2", Now, "{}", ReportKinds.Amendment);

    private static Incident Incident(IncidentStatus status, string reporters, bool analystAmended) =>
        SampleIncidents.In(status) with { ReporterList = reporters, AnalystAmended = analystAmended };

    [Theory]
    // Held on this reporter's word alone, facts untouched by analysts: the update is the facts; the hold goes on.
    [InlineData(IncidentStatus.Held, "reporter-a", false, IntakeOutcome.Amended, IncidentStatus.Held, true, false)]
    [InlineData(IncidentStatus.Contested, "reporter-a", false, IntakeOutcome.Amended, IncidentStatus.Contested, true, false)]
    // Anything else: recorded and put to the analysts; the facts stay.
    [InlineData(IncidentStatus.Held, "reporter-a,reporter-b", false, IntakeOutcome.Proposed, IncidentStatus.Held, false, true)]
    [InlineData(IncidentStatus.Held, "reporter-a", true, IntakeOutcome.Proposed, IncidentStatus.Held, false, true)]
    [InlineData(IncidentStatus.AwaitingConfirmation, "reporter-a", false, IntakeOutcome.Proposed, IncidentStatus.AwaitingConfirmation, false, true)]
    [InlineData(IncidentStatus.Released, "reporter-a", false, IntakeOutcome.Proposed, IncidentStatus.Released, false, true)]
    [InlineData(IncidentStatus.Updated, "reporter-a", false, IntakeOutcome.Proposed, IncidentStatus.Updated, false, true)]
    public void Amend(IncidentStatus status, string reporters, bool analystAmended, IntakeOutcome outcome, IncidentStatus after, bool factsChange, bool review)
    {
        var incident = Incident(status, reporters, analystAmended);
        var proposed = incident.Facts with { Casualties = new Casualties(3, 1), Exercise = true };

        var decision = FollowUpDecision.Amend(incident, "reporter-a", proposed, Follow, Now);

        Assert.Equal(outcome, decision.Result);
        var change = decision.Change!;
        Assert.Equal(after, change.Next.Status);
        Assert.Equal(factsChange, change.Next.Facts.Casualties == new Casualties(3, 1));
        Assert.False(change.Next.Facts.Exercise);
        Assert.Equal(incident.HoldUntil, change.Next.HoldUntil);
        Assert.Equal(review, change.Notices.Any(n => n.Type == NoticeTypes.Review));
        Assert.DoesNotContain(change.Notices, n => n.Audience == NoticeAudience.Subscribers);
        Assert.Same(Follow, change.Report);
    }

    [Theory]
    [InlineData(IncidentStatus.Retracted)]
    [InlineData(IncidentStatus.Cancelled)]
    public void Amend_AFinalIncident_IsRefused(IncidentStatus status) =>
        Assert.Null(FollowUpDecision.Amend(Incident(status, "reporter-a", false), "reporter-a", SampleIncidents.Facts, Follow, Now).Change);

    [Fact]
    public void Amend_TheSameFactsAgain_IsRecordedAsARepeat()
    {
        var decision = FollowUpDecision.Amend(Incident(IncidentStatus.Held, "reporter-a", false), "reporter-a", SampleIncidents.Facts, Follow, Now);

        Assert.Equal(IntakeOutcome.Joined, decision.Result);
        Assert.Empty(decision.Change!.Notices);
    }

    [Theory]
    // Held on this reporter alone: retracted, nobody told.
    [InlineData(IncidentStatus.Held, "reporter-a", false, IncidentStatus.Retracted, false, false)]
    [InlineData(IncidentStatus.Contested, "reporter-a", false, IncidentStatus.Retracted, false, false)]
    // Other sources, or an analyst's amendment: contested, held longer, analysts told.
    [InlineData(IncidentStatus.Held, "reporter-a,reporter-b", false, IncidentStatus.Contested, true, true)]
    [InlineData(IncidentStatus.Held, "reporter-a", true, IncidentStatus.Contested, true, true)]
    // Waiting for an analyst, or released: analysts told; the status stays (an analyst's retraction would cancel).
    [InlineData(IncidentStatus.AwaitingConfirmation, "reporter-a", false, IncidentStatus.AwaitingConfirmation, false, true)]
    [InlineData(IncidentStatus.Released, "reporter-a", false, IncidentStatus.Released, false, true)]
    [InlineData(IncidentStatus.Updated, "reporter-a,reporter-b", false, IncidentStatus.Updated, false, true)]
    // Already final: recorded, nothing else.
    [InlineData(IncidentStatus.Retracted, "reporter-a", false, IncidentStatus.Retracted, false, false)]
    [InlineData(IncidentStatus.Cancelled, "reporter-a", false, IncidentStatus.Cancelled, false, false)]
    public void Withdraw(IncidentStatus status, string reporters, bool analystAmended, IncidentStatus after, bool heldLonger, bool review)
    {
        var incident = Incident(status, reporters, analystAmended);

        var decision = FollowUpDecision.Withdraw(Hold, incident, "reporter-a", Follow with { Kind = ReportKinds.Withdrawal }, Now);

        Assert.Equal(IntakeOutcome.Withdrawn, decision.Result);
        var change = decision.Change!;
        Assert.Equal(after, change.Next.Status);
        Assert.Equal(heldLonger, change.Next.HoldUntil > incident.HoldUntil);
        Assert.Equal(review, change.Notices.Any(n => n.Type == NoticeTypes.Review));
        Assert.DoesNotContain(change.Notices, n => n.Audience == NoticeAudience.Subscribers);
        Assert.True(IncidentLifecycle.Permits(status, after));
    }
}
