using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Verification;
using Alerts.Core.Pipeline.Fanout;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline.Release;

/// <summary>
/// The one place an incident leaves its hold: released to subscribers (notice "incident.alert"), or, for categories
/// that need an analyst, moved to awaiting confirmation with a review for analysts. ETag-guarded: when several workers
/// race, exactly one transition is written and the others see that it happened.
/// </summary>
public sealed partial class IncidentReleaser(
    IncidentStore store,
    FanoutStarter fanout,
    ConfirmationPolicy confirmation,
    TimeProvider time,
    ILogger<IncidentReleaser> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>When the hold has ended: release, or await confirmation. <paramref name="scheduledFor"/> pins the hold end the caller expects.</summary>
    public async Task<ReleaseOutcome> ReleaseIfDueAsync(string incidentId, DateTimeOffset? scheduledFor, Actor actor, string reason, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var incident = await store.FindAsync(incidentId, cancellationToken);
            if (incident is null)
            {
                return ReleaseOutcome.NotFound;
            }

            if (incident.FanoutPending)
            {
                // Issued earlier, but the hand-off to fan-out did not happen (a crash in between): finish it.
                await fanout.StartAsync(incident.Id, incident.FanoutNotice, cancellationToken);
            }

            if (!IncidentLifecycle.IsHolding(incident.Status) || (scheduledFor is { } s && s != incident.HoldUntil))
            {
                return ReleaseOutcome.NothingToDo;
            }

            var now = time.GetUtcNow();
            if (now < incident.HoldUntil)
            {
                return ReleaseOutcome.Rescheduled;
            }

            var outcome = confirmation.Required(incident.Facts)
                ? await TryAwaitConfirmationAsync(incident, now, cancellationToken)
                : await TryReleaseAsync(incident, actor, reason, now, cancellationToken);
            if (outcome is { } done)
            {
                return done;
            }

            // Someone else changed the incident first: read it again and decide afresh.
        }

        return ReleaseOutcome.NothingToDo;
    }

    /// <summary>Releases now, whatever the hold (an analyst's confirmation). Null when the incident changed meanwhile.</summary>
    public async Task<ReleaseOutcome?> TryReleaseAsync(Incident incident, Actor actor, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var released = incident with
        {
            Status = IncidentStatus.Released,
            ReleasedAt = now,
            TimelineCount = incident.TimelineCount + 1,
        };
        var (next, notice) = NoticeIssuer.Public(released, NoticeTypes.Alert, now, references: null, reason);
        var entry = incident.NextEntry(now, actor, TimelineActions.Released, reason);
        if (!await store.TryUpdateAsync(incident, next, [entry], cancellationToken, [notice]))
        {
            return null;
        }

        LogReleased(incident.Id, now - incident.HoldUntil);
        await fanout.StartIssuedAsync(next, [notice], cancellationToken);
        return ReleaseOutcome.Released;
    }

    private async Task<ReleaseOutcome?> TryAwaitConfirmationAsync(Incident incident, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string why = "hold ended; this category is released only on an analyst's confirmation";
        var waiting = incident with { Status = IncidentStatus.AwaitingConfirmation, TimelineCount = incident.TimelineCount + 1 };
        var (next, review) = NoticeIssuer.Review(waiting, now, why);
        var entry = incident.NextEntry(now, Actor.System, TimelineActions.AwaitingConfirmation, why);
        if (!await store.TryUpdateAsync(incident, next, [entry], cancellationToken, [review]))
        {
            return null;
        }

        LogAwaiting(incident.Id);
        await fanout.StartIssuedAsync(next, [review], cancellationToken);
        return ReleaseOutcome.AwaitingConfirmation;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released incident {IncidentId}, {Lateness} after its hold ended")]
    private partial void LogReleased(string incidentId, TimeSpan lateness);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} awaits an analyst's confirmation; analysts told")]
    private partial void LogAwaiting(string incidentId);
}
