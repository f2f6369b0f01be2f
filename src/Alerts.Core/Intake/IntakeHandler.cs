using System.Text.Json;
using Alerts.Core.Hold;
using Alerts.Core.Incidents;
using Alerts.Core.Release;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Intake;

/// <summary>
/// Stage 1 of the pipeline: store a validated report as a held incident and schedule its release.
/// Idempotent per (reporter, reportId): the first request claims the pair; repeats return the same incident.
/// </summary>
public sealed partial class IntakeHandler(
    ReportClaims claims,
    IncidentStore store,
    HoldPolicy holdPolicy,
    ReleaseScheduler scheduler,
    TimeProvider time,
    ILogger<IntakeHandler> logger)
{
    public async Task<IntakeResult> SubmitAsync(string reporterId, ValidatedReport report, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var candidateId = IncidentId.New(now);
        var incidentId = await claims.ClaimAsync(reporterId, report.ReportId, candidateId, cancellationToken);

        // A repeat, or a first attempt that crashed after claiming: reuse what exists, else finish the job.
        if (incidentId != candidateId && await store.FindAsync(incidentId, cancellationToken) is { } existing)
        {
            return new IntakeResult(existing, Created: false);
        }

        var hold = holdPolicy.Decide(report.Facts);
        var actor = Actor.Reporter(reporterId);
        var incident = new Incident(
            incidentId,
            IncidentStatus.Held,
            Version: 1,
            report.Facts,
            reporterId,
            ReceivedAt: now,
            HoldUntil: now + hold.Duration,
            hold.Reason,
            ReleasedAt: null,
            TimelineCount: 2,
            ETag: string.Empty);
        TimelineEntry[] timeline =
        [
            new(1, now, actor, TimelineActions.Received, $"report {report.ReportId}"),
            new(2, now, Actor.System, TimelineActions.Held, hold.Reason),
        ];
        var body = JsonSerializer.Serialize(report.Facts, AlertsJson.Options);
        if (!await store.CreateAsync(incident, new ReportRecord(reporterId, report.ReportId, now, body), timeline, cancellationToken))
        {
            // A concurrent request for the same report wrote it first.
            var winner = await store.FindAsync(incidentId, cancellationToken)
                ?? throw new InvalidOperationException($"Incident {incidentId} reported as existing but cannot be read.");
            return new IntakeResult(winner, Created: false);
        }

        try
        {
            await scheduler.ScheduleAsync(new ReleaseMessage(incidentId, incident.HoldUntil), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The incident is stored; the release sweep will release it when the message is missing.
            LogScheduleFailed(e, incidentId);
        }

        LogHeld(incidentId, reporterId, report.ReportId, incident.HoldUntil);
        return new IntakeResult(incident, Created: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Holding incident {IncidentId} from {ReporterId}/{ReportId} until {HoldUntil}")]
    private partial void LogHeld(string incidentId, string reporterId, string reportId, DateTimeOffset holdUntil);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue the release of incident {IncidentId}; the sweep will release it")]
    private partial void LogScheduleFailed(Exception exception, string incidentId);
}
