using Alerts.Core.Domain.Hold;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Transitions;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>
/// What a reporter's follow-up to its own earlier report does, as pure decisions under the verification rules; it
/// never bypasses the hold or an analyst. An amendment (CAP Update) replaces the facts only while the incident is held
/// on this reporter's word alone and no analyst has amended it (the hold goes on); otherwise it is recorded and put to
/// the analysts. A withdrawal (CAP Cancel) retracts a held incident that rests on this reporter alone — nobody is told;
/// with other sources or an analyst involved it contests the incident (held longer, analysts told); after release it
/// only tells the analysts, whose retraction would cancel. The answer is null when the incident takes no follow-ups.
/// </summary>
public static class FollowUpDecision
{
    public static Decision<IntakeOutcome?> Amend(Incident? incident, string reporterId, IncidentFacts proposed, ReportRecord report, DateTimeOffset now)
    {
        if (incident is null || IncidentLifecycle.IsFinal(incident.Status))
        {
            return Decide.Answer<IntakeOutcome?>(null);
        }

        // Whether it is an exercise is the incident's nature, not a fact an update may change.
        proposed = proposed with { Exercise = incident.Facts.Exercise };
        var actor = Actor.Reporter(reporterId);
        var next = incident with { TimelineCount = incident.TimelineCount + 1 };
        var changed = FactsComparison.ChangedFields(incident.Facts, proposed);
        if (changed.Count == 0)
        {
            var same = incident.NextEntry(now, actor, TimelineActions.ReportJoined, $"update {report.ReportId} repeats the facts: nothing changed");
            return Decide.Write(new IncidentChange(next, [same], [], report), (IntakeOutcome?)IntakeOutcome.Joined);
        }

        if (RestsOn(incident, reporterId))
        {
            var amended = incident.NextEntry(now, actor, TimelineActions.Amended, $"amended by reporter {reporterId} (update {report.ReportId}): {string.Join(", ", changed)}; the hold goes on");
            return Decide.Write(new IncidentChange(next with { Facts = proposed }, [amended], [], report), (IntakeOutcome?)IntakeOutcome.Amended);
        }

        var proposal = FactsComparison.Describe(incident.Facts, proposed);
        var entry = incident.NextEntry(now, actor, TimelineActions.AmendmentProposed, $"update {report.ReportId} from reporter {reporterId} proposes: {proposal}; an analyst decides (PATCH applies it)");
        var (withReview, review) = NoticeIssuer.Review(next, now, $"reporter {reporterId} proposes an amendment: {string.Join(", ", changed)}");
        return Decide.Write(new IncidentChange(withReview, [entry], [review], report), (IntakeOutcome?)IntakeOutcome.Proposed);
    }

    public static Decision<IntakeOutcome?> Withdraw(HoldPolicy hold, Incident? incident, string reporterId, ReportRecord report, DateTimeOffset now)
    {
        if (incident is null)
        {
            return Decide.Answer<IntakeOutcome?>(null);
        }

        var actor = Actor.Reporter(reporterId);
        var next = incident with { TimelineCount = incident.TimelineCount + 1 };
        var what = $"reporter {reporterId} withdraws its report (cancel {report.ReportId})";
        IncidentChange change;
        if (IncidentLifecycle.IsFinal(incident.Status))
        {
            change = new IncidentChange(next, [incident.NextEntry(now, actor, TimelineActions.Withdrawn, $"{what}; the incident was already {incident.Status.ToString().ToLowerInvariant()}")], [], report);
        }
        else if (IncidentLifecycle.IsHolding(incident.Status) && RestsOn(incident, reporterId))
        {
            var retracted = next with { Status = IncidentStatus.Retracted };
            change = new IncidentChange(retracted, [incident.NextEntry(now, actor, TimelineActions.Retracted, $"{what}, the only source: retracted; no subscriber was told")], [], report);
        }
        else
        {
            var held = IncidentLifecycle.IsHolding(incident.Status) ? hold.Contested(next with { Status = IncidentStatus.Contested }, what, now) : next;
            var consequence = IncidentLifecycle.IsIssued(incident.Status)
                ? "subscribers were told; an analyst's retraction would cancel"
                : IncidentLifecycle.IsHolding(incident.Status) ? "contested: held longer for the analysts" : "an analyst decides";
            var (withReview, review) = NoticeIssuer.Review(held, now, what);
            change = new IncidentChange(withReview, [incident.NextEntry(now, actor, TimelineActions.Withdrawn, $"{what}; {consequence}")], [review], report);
        }

        return Decide.Write(change, (IntakeOutcome?)IntakeOutcome.Withdrawn);
    }

    /// <summary>Held on this reporter's word alone, facts untouched by analysts: its follow-ups may decide.</summary>
    private static bool RestsOn(Incident incident, string reporterId) =>
        IncidentLifecycle.IsHolding(incident.Status) && incident.Reporters.SequenceEqual([reporterId]) && !incident.AnalystAmended;
}
