using Alerts.Core.Delivery;
using Alerts.Core.Fanout;
using Alerts.Core.Incidents;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Release;

/// <summary>
/// The one place an incident moves from held to released. ETag-guarded: when several workers race,
/// exactly one transition is written and the others see that it happened.
/// </summary>
public sealed partial class IncidentReleaser(IncidentStore store, FanoutStarter fanout, TimeProvider time, ILogger<IncidentReleaser> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>Releases the incident if it is still held and due; <paramref name="scheduledFor"/> pins the hold end the caller expects.</summary>
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
                // Released earlier, but the hand-off to fan-out did not happen (a crash in between): finish it.
                await fanout.StartAsync(incident.Id, incident.Version, cancellationToken);
                return ReleaseOutcome.NothingToDo;
            }

            if (incident.Status != IncidentStatus.Held || (scheduledFor is { } s && s != incident.HoldUntil))
            {
                return ReleaseOutcome.NothingToDo;
            }

            var now = time.GetUtcNow();
            if (now < incident.HoldUntil)
            {
                return ReleaseOutcome.Rescheduled;
            }

            var released = incident with
            {
                Status = IncidentStatus.Released,
                ReleasedAt = now,
                TimelineCount = incident.TimelineCount + 1,
                FanoutPending = true,
            };
            var entry = incident.NextEntry(now, actor, TimelineActions.Released, reason);
            var snapshot = new IncidentSnapshot(incident.Version, NoticeTypes.Alert, incident.Facts, now, References: null);
            if (await store.TryUpdateAsync(incident, released, [entry], cancellationToken, snapshot))
            {
                LogReleased(incidentId, now - incident.HoldUntil);
                await fanout.StartAsync(incident.Id, incident.Version, cancellationToken);
                return ReleaseOutcome.Released;
            }

            // Someone else changed the incident first: read it again and decide afresh.
        }

        return ReleaseOutcome.NothingToDo;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released incident {IncidentId}, {Lateness} after its hold ended")]
    private partial void LogReleased(string incidentId, TimeSpan lateness);
}
