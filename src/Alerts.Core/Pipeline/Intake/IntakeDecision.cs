using Alerts.Core.Domain.Hold;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Verification;
using Alerts.Core.Pipeline.Transitions;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>
/// What a report does to the incident it belongs to, as pure decisions: it opens a held incident, or joins the open one —
/// corroborating it (credibility up, hold perhaps shorter), contesting it (hold longer, analysts told), or, from the same
/// reporter, adding to it without counting as independent.
/// </summary>
public static class IntakeDecision
{
    public static Decision<IntakeOutcome> For(HoldPolicy hold, Incident? incident, string incidentId, string reporterId, IncidentFacts facts, ReportRecord report, DateTimeOffset now) =>
        incident is null
            ? Decide.Write(Open(hold, incidentId, reporterId, facts, report, now), IntakeOutcome.Opened)
            : Join(hold, incident, reporterId, facts, report, now);

    public static IncidentChange Open(HoldPolicy hold, string incidentId, string reporterId, IncidentFacts facts, ReportRecord report, DateTimeOffset now)
    {
        var decision = hold.Decide(facts);
        var incident = new Incident(
            incidentId,
            IncidentStatus.Held,
            Version: 1,
            facts,
            reporterId,
            ReceivedAt: now,
            HoldUntil: now + decision.Duration,
            decision.Reason,
            ReleasedAt: null,
            TimelineCount: 2,
            ETag: string.Empty,
            ReporterList: reporterId);
        TimelineEntry[] timeline =
        [
            new(1, now, Actor.Reporter(reporterId), TimelineActions.Received, $"report {report.ReportId}"),
            new(2, now, Actor.System, TimelineActions.Held, decision.Reason),
        ];
        return new IncidentChange(incident, timeline, [], report);
    }

    public static Decision<IntakeOutcome> Join(HoldPolicy hold, Incident incident, string reporterId, IncidentFacts facts, ReportRecord report, DateTimeOffset now)
    {
        var conflicts = CorrelationRules.Conflicts(incident.Facts, facts);
        var relation = incident.Reporters.Contains(reporterId)
            ? ReportRelation.SameSource
            : conflicts.Count > 0 ? ReportRelation.Contradicts : ReportRelation.Corroborates;
        var actor = Actor.Reporter(reporterId);
        var next = incident.WithReporter(reporterId) with { TimelineCount = incident.TimelineCount + 1, ReportCount = incident.ReportCount + 1 };
        switch (relation)
        {
            case ReportRelation.Corroborates:
                next = next with { Corroborations = incident.Corroborations + 1 };
                if (IncidentLifecycle.IsHolding(incident.Status))
                {
                    next = hold.Corroborated(next, now);
                }

                var agrees = incident.NextEntry(now, actor, TimelineActions.Corroborated, $"report {report.ReportId} agrees; {next.Corroborations} independent corroboration(s); {next.HoldReason}");
                return Decide.Write(new IncidentChange(next, [agrees], [], report), IntakeOutcome.Corroborated);
            case ReportRelation.Contradicts:
                var disagreement = string.Join("; ", conflicts);
                if (IncidentLifecycle.IsHolding(incident.Status))
                {
                    next = hold.Contested(next with { Status = IncidentStatus.Contested }, disagreement, now);
                }

                var contradicts = incident.NextEntry(now, actor, TimelineActions.Contested, $"report {report.ReportId} contradicts: {disagreement}");
                var (withReview, review) = NoticeIssuer.Review(next, now, $"contradicting report from {reporterId}: {disagreement}");
                return Decide.Write(new IncidentChange(withReview, [contradicts], [review], report), IntakeOutcome.Contested);
            default:
                var joined = incident.NextEntry(now, actor, TimelineActions.ReportJoined, $"report {report.ReportId} (same reporter: not independent)");
                return Decide.Write(new IncidentChange(next, [joined], [], report), IntakeOutcome.Joined);
        }
    }
}
