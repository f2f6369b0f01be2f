using System.Text.Json;
using Alerts.Core.Domain.Hold;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Release;
using Alerts.Core.Pipeline.Transitions;

namespace Alerts.Core.Pipeline.Decisions;

/// <summary>
/// What each analyst decision does to an incident, as pure functions of the incident, the request and the time:
/// a change (with its timeline entry and any notice), or a refusal saying why.
/// </summary>
public static class DecisionRules
{
    /// <summary>Release now: from held, contested or awaiting confirmation.</summary>
    public static Decision<DecisionResult> Confirm(Incident? incident, string analyst, string? reason, DateTimeOffset now)
    {
        if (incident is null)
        {
            return Decide.Answer(DecisionResult.NotFound);
        }

        if (!IncidentLifecycle.CanMove(incident.Status, IncidentStatus.Released))
        {
            return Refuse(incident, $"The incident is {Describe(incident.Status)}; only a held, contested or awaiting incident can be confirmed.");
        }

        var why = $"confirmed by analyst {analyst}" + Because(reason);
        return Done(ReleaseDecision.Release(incident, Actor.Analyst(analyst), why, now));
    }

    /// <summary>Hold longer: to <paramref name="until"/>, or <paramref name="by"/> more; never shorter.</summary>
    public static Decision<DecisionResult> Extend(Incident? incident, string analyst, DateTimeOffset? until, TimeSpan? by, string? reason, DateTimeOffset now)
    {
        if (incident is null)
        {
            return Decide.Answer(DecisionResult.NotFound);
        }

        if (!IncidentLifecycle.IsHolding(incident.Status))
        {
            return Refuse(incident, $"The incident is {Describe(incident.Status)}; only a held or contested incident's hold can be extended.");
        }

        var (extended, wrong) = HoldPolicy.Extended(incident, until, by, now);
        if (extended is not { } end)
        {
            return Decide.Answer(DecisionResult.Invalid(incident, until is null ? "by" : "until", wrong!));
        }

        var why = $"hold extended by analyst {analyst} to {end:u}" + Because(reason);
        var next = incident with { HoldUntil = end, HoldReason = why, TimelineCount = incident.TimelineCount + 1 };
        return Done(new IncidentChange(next, [incident.NextEntry(now, Actor.Analyst(analyst), TimelineActions.Extended, why)], []));
    }

    /// <summary>Never alert (held), or cancel to everyone who was told (released).</summary>
    public static Decision<DecisionResult> Retract(Incident? incident, string analyst, string reason, DateTimeOffset now)
    {
        if (incident is null)
        {
            return Decide.Answer(DecisionResult.NotFound);
        }

        var actor = Actor.Analyst(analyst);
        var why = $"retracted by analyst {analyst}: {reason}";
        if (IncidentLifecycle.CanMove(incident.Status, IncidentStatus.Retracted))
        {
            var retracted = incident with { Status = IncidentStatus.Retracted, TimelineCount = incident.TimelineCount + 1 };
            return Done(new IncidentChange(retracted, [incident.NextEntry(now, actor, TimelineActions.Retracted, $"{why}; no subscriber was told")], []));
        }

        if (IncidentLifecycle.CanMove(incident.Status, IncidentStatus.Cancelled))
        {
            var cancelled = incident with { Status = IncidentStatus.Cancelled, TimelineCount = incident.TimelineCount + 1 };
            var (next, notice) = NoticeIssuer.Public(cancelled, NoticeTypes.Cancel, now, references: incident.Version, why);
            var entry = incident.NextEntry(now, actor, TimelineActions.Cancelled, $"{why}; cancellation (notice {notice.Number}) goes to everyone who was told");
            return Done(new IncidentChange(next, [entry], [notice]));
        }

        return Refuse(incident, $"The incident is already {Describe(incident.Status)}.");
    }

    /// <summary>
    /// Change the facts, if the incident still shows what the analyst read (<paramref name="expectedTag"/>): while held
    /// the new facts are what will be released; after release an update (a new version) goes to everyone who was told.
    /// </summary>
    public static Decision<DecisionResult> Amend(
        Incident? incident,
        string analyst,
        string expectedTag,
        Func<IncidentFacts, (IncidentFacts? Facts, IReadOnlyDictionary<string, string[]> Errors)> patch,
        string? reason,
        DateTimeOffset now)
    {
        if (incident is null)
        {
            return Decide.Answer(DecisionResult.NotFound);
        }

        if (incident.ContentTag != expectedTag)
        {
            return Decide.Answer(new DecisionResult(DecisionStatus.Stale, incident, "The incident changed since you read it; read it again (new ETag) and reapply your change."));
        }

        if (IncidentLifecycle.IsFinal(incident.Status))
        {
            return Refuse(incident, $"The incident is {Describe(incident.Status)}; it can no longer be amended.");
        }

        var (facts, errors) = patch(incident.Facts);
        if (facts is null)
        {
            return Decide.Answer(new DecisionResult(DecisionStatus.Invalid, incident, null, errors));
        }

        var changed = FactsComparison.ChangedFields(incident.Facts, facts);
        if (changed.Count == 0)
        {
            return Decide.Answer(new DecisionResult(DecisionStatus.Done, incident));
        }

        var what = $"amended by analyst {analyst}: {string.Join(", ", changed)}" + (string.IsNullOrWhiteSpace(reason) ? string.Empty : $" ({reason})");
        var next = incident with { Facts = facts, TimelineCount = incident.TimelineCount + 1, AnalystAmended = true };
        var notices = new List<IssuedNotice>();
        if (IncidentLifecycle.IsIssued(incident.Status))
        {
            var updated = next with { Status = IncidentStatus.Updated, Version = incident.Version + 1 };
            var (withNotice, notice) = NoticeIssuer.Public(updated, NoticeTypes.Update, now, references: incident.Version, what);
            next = withNotice;
            notices.Add(notice);
            what += $"; update to version {updated.Version} goes to everyone who was told";
        }

        return Done(new IncidentChange(next, [incident.NextEntry(now, Actor.Analyst(analyst), TimelineActions.Amended, what)], notices));
    }

    private static Decision<DecisionResult> Done(IncidentChange change) =>
        Decide.Write(change, new DecisionResult(DecisionStatus.Done, change.Next));

    private static Decision<DecisionResult> Refuse(Incident incident, string why) =>
        Decide.Answer(DecisionResult.NotAllowed(incident, why));

    private static string Because(string? reason) => string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {reason}";

    private static string Describe(IncidentStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
