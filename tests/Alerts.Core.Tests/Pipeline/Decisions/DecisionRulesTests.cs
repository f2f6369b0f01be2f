using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Decisions;
using Alerts.Core.Tests.Domain.Incidents;

namespace Alerts.Core.Tests.Pipeline.Decisions;

/// <summary>What each analyst decision does in each status.</summary>
public class DecisionRulesTests
{
    private static readonly DateTimeOffset Now = SampleIncidents.Received.AddMinutes(5);

    [Theory]
    [InlineData(IncidentStatus.Held, DecisionStatus.Done, IncidentStatus.Released)]
    [InlineData(IncidentStatus.Contested, DecisionStatus.Done, IncidentStatus.Released)]
    [InlineData(IncidentStatus.AwaitingConfirmation, DecisionStatus.Done, IncidentStatus.Released)]
    [InlineData(IncidentStatus.Released, DecisionStatus.NotAllowed, null)]
    [InlineData(IncidentStatus.Updated, DecisionStatus.NotAllowed, null)]
    [InlineData(IncidentStatus.Retracted, DecisionStatus.NotAllowed, null)]
    [InlineData(IncidentStatus.Cancelled, DecisionStatus.NotAllowed, null)]
    public void Confirm(IncidentStatus status, DecisionStatus result, IncidentStatus? after)
    {
        var decision = DecisionRules.Confirm(SampleIncidents.In(status), "duty", "verified by imagery", Now);

        Assert.Equal(result, decision.Result.Status);
        Assert.Equal(after, decision.Change?.Next.Status);
        Assert.Equal(after is null ? null : "confirmed by analyst duty: verified by imagery", decision.Change?.Timeline.Single().Detail);
    }

    [Theory]
    [InlineData(IncidentStatus.Held, DecisionStatus.Done, IncidentStatus.Retracted, null)]
    [InlineData(IncidentStatus.Contested, DecisionStatus.Done, IncidentStatus.Retracted, null)]
    [InlineData(IncidentStatus.AwaitingConfirmation, DecisionStatus.Done, IncidentStatus.Retracted, null)]
    [InlineData(IncidentStatus.Released, DecisionStatus.Done, IncidentStatus.Cancelled, NoticeTypes.Cancel)]
    [InlineData(IncidentStatus.Updated, DecisionStatus.Done, IncidentStatus.Cancelled, NoticeTypes.Cancel)]
    [InlineData(IncidentStatus.Retracted, DecisionStatus.NotAllowed, null, null)]
    [InlineData(IncidentStatus.Cancelled, DecisionStatus.NotAllowed, null, null)]
    public void Retract(IncidentStatus status, DecisionStatus result, IncidentStatus? after, string? notice)
    {
        var decision = DecisionRules.Retract(SampleIncidents.In(status), "duty", "Ukrainian air-defence missile", Now);

        Assert.Equal(result, decision.Result.Status);
        Assert.Equal(after, decision.Change?.Next.Status);
        Assert.Equal(notice, decision.Change?.Notices.SingleOrDefault()?.Type);
    }

    [Theory]
    [InlineData(IncidentStatus.Held, DecisionStatus.Done)]
    [InlineData(IncidentStatus.Contested, DecisionStatus.Done)]
    [InlineData(IncidentStatus.AwaitingConfirmation, DecisionStatus.NotAllowed)]
    [InlineData(IncidentStatus.Released, DecisionStatus.NotAllowed)]
    [InlineData(IncidentStatus.Retracted, DecisionStatus.NotAllowed)]
    public void Extend(IncidentStatus status, DecisionStatus result)
    {
        var decision = DecisionRules.Extend(SampleIncidents.In(status), "duty", null, TimeSpan.FromMinutes(10), null, Now);

        Assert.Equal(result, decision.Result.Status);
        Assert.Equal(result == DecisionStatus.Done ? SampleIncidents.Received.AddMinutes(18) : null, decision.Change?.Next.HoldUntil);
    }

    [Fact]
    public void Extend_ToAnEarlierEnd_IsInvalidNamingTheField()
    {
        var decision = DecisionRules.Extend(SampleIncidents.In(IncidentStatus.Held), "duty", SampleIncidents.Received.AddMinutes(7), null, null, Now);

        Assert.Equal(DecisionStatus.Invalid, decision.Result.Status);
        Assert.Equal(["until"], decision.Result.Errors!.Keys);
        Assert.Null(decision.Change);
    }

    [Theory]
    [InlineData(IncidentStatus.Held, DecisionStatus.Done, IncidentStatus.Held, null)]
    [InlineData(IncidentStatus.Released, DecisionStatus.Done, IncidentStatus.Updated, NoticeTypes.Update)]
    [InlineData(IncidentStatus.Updated, DecisionStatus.Done, IncidentStatus.Updated, NoticeTypes.Update)]
    [InlineData(IncidentStatus.Retracted, DecisionStatus.NotAllowed, null, null)]
    [InlineData(IncidentStatus.Cancelled, DecisionStatus.NotAllowed, null, null)]
    public void Amend(IncidentStatus status, DecisionStatus result, IncidentStatus? after, string? notice)
    {
        var incident = SampleIncidents.In(status);

        var decision = DecisionRules.Amend(incident, "duty", incident.ContentTag, facts => (facts with { Summary = "Air-defence missile fell on a farm." }, new Dictionary<string, string[]>()), null, Now);

        Assert.Equal(result, decision.Result.Status);
        Assert.Equal(after, decision.Change?.Next.Status);
        Assert.Equal(notice, decision.Change?.Notices.SingleOrDefault()?.Type);
        Assert.Equal(after == IncidentStatus.Updated ? 2 : after is null ? null : 1, decision.Change?.Next.Version);
    }

    [Fact]
    public void Amend_AfterSomeoneElseChangedIt_IsStale()
    {
        var incident = SampleIncidents.In(IncidentStatus.Held);

        var decision = DecisionRules.Amend(incident with { HoldReason = "x", TimelineCount = 3 }, "duty", incident.ContentTag, facts => (facts, new Dictionary<string, string[]>()), null, Now);

        Assert.Equal(DecisionStatus.Stale, decision.Result.Status);
    }

    [Fact]
    public void Amend_ThatChangesNothing_WritesNothing()
    {
        var incident = SampleIncidents.In(IncidentStatus.Held);

        var decision = DecisionRules.Amend(incident, "duty", incident.ContentTag, facts => (facts, new Dictionary<string, string[]>()), null, Now);

        Assert.Equal(DecisionStatus.Done, decision.Result.Status);
        Assert.Null(decision.Change);
    }

    [Fact]
    public void EveryDecision_OnAnUnknownIncident_IsNotFound()
    {
        Assert.Equal(DecisionStatus.NotFound, DecisionRules.Confirm(null, "duty", null, Now).Result.Status);
        Assert.Equal(DecisionStatus.NotFound, DecisionRules.Retract(null, "duty", "r", Now).Result.Status);
        Assert.Equal(DecisionStatus.NotFound, DecisionRules.Extend(null, "duty", null, TimeSpan.FromMinutes(1), null, Now).Result.Status);
        Assert.Equal(DecisionStatus.NotFound, DecisionRules.Amend(null, "duty", "tag", f => (f, new Dictionary<string, string[]>()), null, Now).Result.Status);
    }
}
