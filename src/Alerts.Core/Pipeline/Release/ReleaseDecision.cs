using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Transitions;

namespace Alerts.Core.Pipeline.Release;

/// <summary>How an incident leaves its hold, as pure decisions: released to subscribers, or held for an analyst.</summary>
public static class ReleaseDecision
{
    public const string AwaitingReason = "hold ended; this category is released only on an analyst's confirmation";

    /// <summary>
    /// The hold should have ended: release, or await an analyst's confirmation when the incident needs one. Nothing when
    /// it is no longer holding, or when its hold end is not <paramref name="scheduledFor"/> (an extension moved it).
    /// </summary>
    public static Decision<ReleaseOutcome> IfDue(Incident? incident, DateTimeOffset? scheduledFor, bool needsConfirmation, Actor actor, string reason, DateTimeOffset now)
    {
        if (incident is null)
        {
            return Decide.Answer(ReleaseOutcome.NotFound);
        }

        if (!IncidentLifecycle.IsHolding(incident.Status) || (scheduledFor is { } s && s != incident.HoldUntil))
        {
            return Decide.Answer(ReleaseOutcome.NothingToDo);
        }

        if (now < incident.HoldUntil)
        {
            return Decide.Answer(ReleaseOutcome.Rescheduled);
        }

        return needsConfirmation
            ? Decide.Write(AwaitConfirmation(incident, now), ReleaseOutcome.AwaitingConfirmation)
            : Decide.Write(Release(incident, actor, reason, now), ReleaseOutcome.Released);
    }

    /// <summary>Released now, whatever the hold: the alert (the next public notice) goes to every subscriber whose filters match.</summary>
    public static IncidentChange Release(Incident incident, Actor actor, string reason, DateTimeOffset now)
    {
        var released = incident with { Status = IncidentStatus.Released, ReleasedAt = now, TimelineCount = incident.TimelineCount + 1 };
        var (next, notice) = NoticeIssuer.Public(released, NoticeTypes.Alert, now, references: null, reason);
        return new IncidentChange(next, [incident.NextEntry(now, actor, TimelineActions.Released, reason)], [notice]);
    }

    /// <summary>The hold ended, but an analyst must confirm first: analysts get a review, subscribers nothing yet.</summary>
    public static IncidentChange AwaitConfirmation(Incident incident, DateTimeOffset now)
    {
        var waiting = incident with { Status = IncidentStatus.AwaitingConfirmation, TimelineCount = incident.TimelineCount + 1 };
        var (next, review) = NoticeIssuer.Review(waiting, now, AwaitingReason);
        return new IncidentChange(next, [incident.NextEntry(now, Actor.System, TimelineActions.AwaitingConfirmation, AwaitingReason)], [review]);
    }
}
