using System.Text.Json;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Hold;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Verification;
using Alerts.Core.Pipeline.Transitions;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>
/// The intake stage: a validated report either opens a held incident (and schedules its release) or joins the
/// open incident it describes — corroborating it, contesting it, or (same reporter) just adding to it. Idempotent per
/// (reporter, reportId): the first request claims the pair; repeats return the same incident and change nothing.
/// </summary>
public sealed partial class IntakeHandler(
    IntakeIndex index,
    Correlator correlator,
    HoldPolicy holdPolicy,
    IncidentTransitions transitions,
    TimeProvider time,
    ILogger<IntakeHandler> logger)
{
    /// <summary>Looks, tries to file a new incident, finds the area changed, looks again: this many times at most.</summary>
    private const int MaxClaimAttempts = 8;

    public async Task<IntakeResult> SubmitAsync(string reporterId, ValidatedReport report, CancellationToken cancellationToken, SourceGrading? reporterGrading = null)
    {
        var now = time.GetUtcNow();
        var facts = report.Facts.Source is null && reporterGrading is not null ? report.Facts with { Source = reporterGrading } : report.Facts;
        var claim = await ClaimAsync(reporterId, report.ReportId, facts, now, cancellationToken);
        var record = new ReportRecord(reporterId, report.ReportId, now, JsonSerializer.Serialize(facts, AlertsJson.Options));

        // On the first pass of a claim this request made, the correlator's read stands (null: a new incident). A repeat,
        // or a first attempt that crashed after claiming, finds the report filed already or files it now.
        var transition = await transitions.ApplyAsync(
            claim.IncidentId,
            (incident, _) => IntakeDecision.For(holdPolicy, incident, claim.IncidentId, reporterId, facts, record, now),
            cancellationToken,
            claim.Ours ? new IncidentRead(claim.Match) : null);
        switch (transition.Status)
        {
            case TransitionStatus.Written when transition.Result == IntakeOutcome.Opened:
                LogOpened(claim.IncidentId, reporterId, record.ReportId, transition.Incident!.HoldUntil);
                return new IntakeResult(transition.Incident, IntakeOutcome.Opened);
            case TransitionStatus.Written:
                LogJoined(claim.IncidentId, reporterId, record.ReportId, transition.Result);
                return new IntakeResult(transition.Incident!, transition.Result);
            case TransitionStatus.ReportExists:
                return new IntakeResult(transition.Incident!, IntakeOutcome.Duplicate);
            default:
                // The claim is stored, so sending the report again completes it.
                throw new IntakeBusyException($"Incident {claim.IncidentId} kept changing: {IncidentTransitions.MaxAttempts} attempts to add report {reporterId}/{report.ReportId} failed.");
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Holding incident {IncidentId} from {ReporterId}/{ReportId} until {HoldUntil}")]
    private partial void LogOpened(string incidentId, string reporterId, string reportId, DateTimeOffset holdUntil);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {ReporterId}/{ReportId} joined incident {IncidentId}: {Outcome}")]
    private partial void LogJoined(string incidentId, string reporterId, string reportId, IntakeOutcome outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Report {ReporterId}/{ReportId}: area {Area} changed while filing a new incident; looking again")]
    private partial void LogAreaChanged(string reporterId, string reportId, string area);
}
