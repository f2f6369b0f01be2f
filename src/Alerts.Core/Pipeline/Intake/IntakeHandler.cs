using System.Text.Json;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Hold;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Verification;
using Alerts.Core.Pipeline.Fanout;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Pipeline.Release;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>
/// Stage 1 of the pipeline: a validated report either opens a held incident (and schedules its release) or joins the
/// open incident it describes — corroborating it, contesting it, or (same reporter) just adding to it. Idempotent per
/// (reporter, reportId): the first request claims the pair; repeats return the same incident and change nothing.
/// </summary>
public sealed partial class IntakeHandler(
    IntakeIndex index,
    IncidentStore store,
    Correlator correlator,
    HoldPolicy holdPolicy,
    StageQueue<ReleaseMessage> releases,
    FanoutStarter fanout,
    TimeProvider time,
    ILogger<IntakeHandler> logger)
{
    /// <summary>Joining is a race on the incident row: enough attempts for a burst of reports of one event.</summary>
    private const int MaxAttempts = 20;

    /// <summary>Looks, tries to file a new incident, finds the area changed, looks again: this many times at most.</summary>
    private const int MaxClaimAttempts = 8;

    public async Task<IntakeResult> SubmitAsync(string reporterId, ValidatedReport report, CancellationToken cancellationToken, SourceGrading? reporterGrading = null)
    {
        var now = time.GetUtcNow();
        var facts = report.Facts.Source is null && reporterGrading is not null ? report.Facts with { Source = reporterGrading } : report.Facts;
        var claim = await ClaimAsync(reporterId, report.ReportId, facts, now, cancellationToken);
        var incidentId = claim.IncidentId;
        var record = new ReportRecord(reporterId, report.ReportId, now, JsonSerializer.Serialize(facts, AlertsJson.Options));

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // On the first pass of a claim this request made, the correlator's read stands (null: a new incident).
            var first = attempt == 0 && claim.Ours;
            var existing = first ? claim.Match : await store.FindAsync(incidentId, cancellationToken);
            if (existing is null)
            {
                if (await OpenAsync(incidentId, reporterId, facts, record, now, cancellationToken) is { } opened)
                {
                    return opened;
                }

                // A concurrent request for the same report opened it first.
                continue;
            }

            // A repeat of a report this incident already holds, or a first attempt that crashed after claiming.
            if (!first && await store.HasReportAsync(incidentId, reporterId, report.ReportId, cancellationToken))
            {
                return new IntakeResult(existing, IntakeOutcome.Duplicate);
            }

            if (await JoinAsync(existing, reporterId, facts, record, now, cancellationToken) is { } joined)
            {
                return joined;
            }

            // Changed meanwhile (or this very report was added concurrently): look again.
        }

        // The claim is stored, so sending the report again completes it.
        throw new IntakeBusyException($"Incident {incidentId} kept changing: {MaxAttempts} attempts to add report {reporterId}/{report.ReportId} failed.");
    }

    /// <summary>
    /// Decides which incident the report belongs to and claims (reporter, reportId) for it: the open incident it
    /// describes, or a new one filed in its correlation area in the same transaction as the claim. Ours is false when
    /// an earlier request had claimed the report already.
    /// </summary>
    private async Task<ReportClaim> ClaimAsync(string reporterId, string reportId, IncidentFacts facts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxClaimAttempts; attempt++)
        {
            var correlation = await correlator.FindAsync(facts, now, cancellationToken);
            if (correlation.IncidentId is { } matchId)
            {
                // An incident filed but not yet written is opened by whichever request gets there first; the other joins it.
                var claimed = await index.ClaimAsync(facts.Location.Country, reporterId, reportId, matchId, cancellationToken);
                return claimed.Status == ClaimStatus.Claimed
                    ? new ReportClaim(matchId, correlation.Incident, Ours: true)
                    : new ReportClaim(claimed.IncidentId!, null, Ours: false);
            }

            var entry = AreaEntry.Of(IncidentId.New(now), facts, now);
            var result = await index.ClaimNewAsync(reporterId, reportId, entry, correlation.Home, correlation.Around, correlation.OpenSince, cancellationToken);
            switch (result.Status)
            {
                case ClaimStatus.Claimed:
                    return new ReportClaim(entry.IncidentId, null, Ours: true);
                case ClaimStatus.Taken:
                    return new ReportClaim(result.IncidentId!, null, Ours: false);
                default:
                    LogAreaChanged(reporterId, reportId, correlation.Home.RowKey);
                    continue;
            }
        }

        throw new IntakeBusyException($"The area of report {reporterId}/{reportId} kept changing: {MaxClaimAttempts} attempts to file it failed.");
    }

    private sealed record ReportClaim(string IncidentId, Incident? Match, bool Ours);

    private async Task<IntakeResult?> OpenAsync(string incidentId, string reporterId, IncidentFacts facts, ReportRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hold = holdPolicy.Decide(facts);
        var incident = new Incident(
            incidentId,
            IncidentStatus.Held,
            Version: 1,
            facts,
            reporterId,
            ReceivedAt: now,
            HoldUntil: now + hold.Duration,
            hold.Reason,
            ReleasedAt: null,
            TimelineCount: 2,
            ETag: string.Empty,
            ReporterList: reporterId);
        TimelineEntry[] timeline =
        [
            new(1, now, Actor.Reporter(reporterId), TimelineActions.Received, $"report {record.ReportId}"),
            new(2, now, Actor.System, TimelineActions.Held, hold.Reason),
        ];
        if (!await store.CreateAsync(incident, record, timeline, cancellationToken))
        {
            // A concurrent request for the same report wrote it first.
            return null;
        }

        await ScheduleReleaseAsync(incident, cancellationToken);
        LogOpened(incidentId, reporterId, record.ReportId, incident.HoldUntil);
        return new IntakeResult(incident, IntakeOutcome.Opened);
    }

    private async Task<IntakeResult?> JoinAsync(Incident incident, string reporterId, IncidentFacts facts, ReportRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var relation = incident.Reporters.Contains(reporterId)
            ? ReportRelation.SameSource
            : Correlator.Conflicts(incident.Facts, facts) is { Count: > 0 } ? ReportRelation.Contradicts : ReportRelation.Corroborates;
        var actor = Actor.Reporter(reporterId);
        var next = incident.WithReporter(reporterId) with { TimelineCount = incident.TimelineCount + 1 };
        var notices = new List<IssuedNotice>();
        TimelineEntry entry;
        IntakeOutcome outcome;
        switch (relation)
        {
            case ReportRelation.Corroborates:
                outcome = IntakeOutcome.Corroborated;
                next = next with { Corroborations = incident.Corroborations + 1 };
                if (IncidentLifecycle.IsHolding(incident.Status))
                {
                    next = Shorten(next, now);
                }

                entry = incident.NextEntry(now, actor, TimelineActions.Corroborated, $"report {record.ReportId} agrees; {next.Corroborations} independent corroboration(s); {next.HoldReason}");
                break;
            case ReportRelation.Contradicts:
                outcome = IntakeOutcome.Contested;
                var conflicts = string.Join("; ", Correlator.Conflicts(incident.Facts, facts));
                if (IncidentLifecycle.IsHolding(incident.Status))
                {
                    var until = (incident.HoldUntil > now ? incident.HoldUntil : now) + holdPolicy.ContestedExtension;
                    next = next with
                    {
                        Status = IncidentStatus.Contested,
                        HoldUntil = until,
                        HoldReason = $"contested ({conflicts}): held {HoldPolicy.Describe(until - incident.ReceivedAt)} in all",
                    };
                }

                entry = incident.NextEntry(now, actor, TimelineActions.Contested, $"report {record.ReportId} contradicts: {conflicts}");
                var (withReview, review) = NoticeIssuer.Review(next, now, $"contradicting report from {reporterId}: {conflicts}");
                next = withReview;
                notices.Add(review);
                break;
            default:
                outcome = IntakeOutcome.Joined;
                entry = incident.NextEntry(now, actor, TimelineActions.ReportJoined, $"report {record.ReportId} (same reporter: not independent)");
                break;
        }

        if (!await store.TryUpdateAsync(incident, next, [entry], cancellationToken, notices, record))
        {
            return null;
        }

        if (next.HoldUntil != incident.HoldUntil)
        {
            await ScheduleReleaseAsync(next, cancellationToken);
        }

        await fanout.StartIssuedAsync(next, notices, cancellationToken);
        LogJoined(incident.Id, reporterId, record.ReportId, outcome);
        return new IntakeResult(next, outcome);
    }

    /// <summary>Independent corroboration raises credibility and may bring the release forward, never below the minimum.</summary>
    private Incident Shorten(Incident incident, DateTimeOffset now)
    {
        var grading = incident.Facts.Source ?? HoldPolicy.Ungraded;
        var credibility = incident.Corroborations >= 2 ? 1 : Math.Min(grading.Credibility, 2);
        var facts = incident.Facts with { Source = grading with { Credibility = credibility } };
        var decision = holdPolicy.Decide(facts, incident.Corroborations);
        var earliest = incident.ReceivedAt + holdPolicy.Minimum;
        var candidate = incident.ReceivedAt + decision.Duration;
        var until = candidate < incident.HoldUntil ? candidate : incident.HoldUntil;
        until = until < earliest ? earliest : until < now ? now : until;
        return incident with { Facts = facts, HoldUntil = until, HoldReason = until == incident.HoldUntil ? incident.HoldReason : decision.Reason };
    }

    private async Task ScheduleReleaseAsync(Incident incident, CancellationToken cancellationToken)
    {
        try
        {
            await releases.SendAsync(new ReleaseMessage(incident.Id, incident.HoldUntil), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The incident is stored; the release sweep will release it when the message is missing.
            LogScheduleFailed(e, incident.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Holding incident {IncidentId} from {ReporterId}/{ReportId} until {HoldUntil}")]
    private partial void LogOpened(string incidentId, string reporterId, string reportId, DateTimeOffset holdUntil);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {ReporterId}/{ReportId} joined incident {IncidentId}: {Outcome}")]
    private partial void LogJoined(string incidentId, string reporterId, string reportId, IntakeOutcome outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Report {ReporterId}/{ReportId}: area {Area} changed while filing a new incident; looking again")]
    private partial void LogAreaChanged(string reporterId, string reportId, string area);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue the release of incident {IncidentId}; the sweep will release it")]
    private partial void LogScheduleFailed(Exception exception, string incidentId);
}
