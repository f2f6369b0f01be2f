using Alerts.Core.Domain.Hold;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Tests.Domain.Incidents;
using Alerts.Testing;

namespace Alerts.Core.Tests.Pipeline.Intake;

/// <summary>What a report does to the incident it belongs to.</summary>
public class IntakeDecisionTests
{
    private static readonly HoldPolicy Hold = new(new FixedOptions<HoldOptions>(new HoldOptions()));
    private static readonly DateTimeOffset Now = SampleIncidents.Received.AddMinutes(1);

    private static ReportRecord Report(string reporter) => new(reporter, "r-2", Now, "{}");

    [Theory]
    [InlineData(IncidentStatus.Held, "reporter-b", null, IntakeOutcome.Corroborated, IncidentStatus.Held, false)]
    [InlineData(IncidentStatus.Held, "reporter-b", "Ukrainian air defence", IntakeOutcome.Contested, IncidentStatus.Contested, true)]
    [InlineData(IncidentStatus.Held, "reporter-a", "Ukrainian air defence", IntakeOutcome.Joined, IncidentStatus.Held, false)]
    [InlineData(IncidentStatus.Released, "reporter-b", null, IntakeOutcome.Corroborated, IncidentStatus.Released, false)]
    [InlineData(IncidentStatus.Released, "reporter-b", "Ukrainian air defence", IntakeOutcome.Contested, IncidentStatus.Released, true)]
    [InlineData(IncidentStatus.AwaitingConfirmation, "reporter-b", "Ukrainian air defence", IntakeOutcome.Contested, IncidentStatus.AwaitingConfirmation, true)]
    public void Join(IncidentStatus status, string reporter, string? actor, IntakeOutcome outcome, IncidentStatus after, bool review)
    {
        var incident = SampleIncidents.In(status);
        var facts = actor is null ? incident.Facts : incident.Facts with { Attribution = new Attribution(actor, Certainty.Possible) };

        var decision = IntakeDecision.Join(Hold, incident, reporter, facts, Report(reporter), Now);

        Assert.Equal(outcome, decision.Result);
        var change = decision.Change!;
        Assert.Equal(after, change.Next.Status);
        Assert.Equal(review, change.Notices.Any(n => n.Audience == NoticeAudience.Analysts));
        Assert.Equal(Report(reporter), change.Report);
        Assert.Contains(reporter, change.Next.Reporters);
        Assert.Equal(outcome == IntakeOutcome.Corroborated ? 1 : 0, change.Next.Corroborations);
    }

    [Fact]
    public void Join_ContestedWhileHeld_HoldsLonger_CorroboratedWhileHeld_NotLonger()
    {
        var incident = SampleIncidents.In(IncidentStatus.Held);
        var disputed = incident.Facts with { Attribution = new Attribution("Ukrainian air defence", Certainty.Possible) };

        var contested = IntakeDecision.Join(Hold, incident, "reporter-b", disputed, Report("reporter-b"), Now).Change!.Next;
        var corroborated = IntakeDecision.Join(Hold, incident, "reporter-b", incident.Facts, Report("reporter-b"), Now).Change!.Next;

        Assert.True(contested.HoldUntil > incident.HoldUntil);
        Assert.True(corroborated.HoldUntil <= incident.HoldUntil);
    }

    [Fact]
    public void For_NoIncidentYet_OpensAHeldOne()
    {
        var decision = IntakeDecision.For(Hold, null, "inc-0000000000000001", "reporter-a", SampleIncidents.Facts, Report("reporter-a"), Now);

        Assert.Equal(IntakeOutcome.Opened, decision.Result);
        Assert.Equal(IncidentStatus.Held, decision.Change!.Next.Status);
        Assert.Equal([TimelineActions.Received, TimelineActions.Held], decision.Change.Timeline.Select(t => t.Action));
        Assert.Equal(Now + Hold.Decide(SampleIncidents.Facts).Duration, decision.Change.Next.HoldUntil);
    }
}
