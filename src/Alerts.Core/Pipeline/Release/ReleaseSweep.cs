using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Transitions;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline.Release;

/// <summary>
/// Finds held incidents whose hold ended a while ago (their release message was lost) and releases them, and queues
/// the fan-outs (public notices and analysts' reviews) that a crash left recorded but never queued.
/// </summary>
public sealed partial class ReleaseSweep(IncidentStore store, IncidentReleaser releaser, IncidentHandOff handOff, IOptions<ReleaseSweepOptions> options, TimeProvider time, ILogger<ReleaseSweep> logger)
{
    /// <summary>How often the sweep runs, in seconds: the one number both hosts' schedules come from.</summary>
    public const string IntervalSeconds = "30";

    /// <summary>The NCRONTAB schedule of the Functions timer trigger.</summary>
    public const string Schedule = "*/" + IntervalSeconds + " * * * * *";

    /// <summary>The standalone server's sweep interval unless <see cref="ReleaseSweepOptions.SweepInterval"/> overrides it.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(int.Parse(IntervalSeconds, System.Globalization.CultureInfo.InvariantCulture));

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var dueBy = time.GetUtcNow() - options.Value.SweepGrace;
        var released = 0;
        await foreach (var incident in store.FindHeldDueAsync(dueBy, cancellationToken))
        {
            var outcome = await releaser.ReleaseIfDueAsync(incident.Id, incident.HoldUntil, Actor.System, "hold ended (release found by sweep)", cancellationToken);
            if (outcome == ReleaseOutcome.Released)
            {
                released++;
                LogSwept(incident.Id);
            }
        }

        // Released, but the hand-off to fan-out was interrupted.
        await foreach (var incident in store.FindFanoutPendingAsync(dueBy, cancellationToken))
        {
            LogFanoutResumed(incident.Id);
            await handOff.StartFanoutAsync(incident.Id, incident.FanoutNotice, cancellationToken);
        }

        // Reviews recorded for analysts, but never queued.
        await foreach (var incident in store.FindReviewPendingAsync(dueBy, cancellationToken))
        {
            LogReviewsResumed(incident.Id);
            var reviews = await store.ReviewNumbersAsync(incident.Id, cancellationToken);
            if (reviews.Count > 0)
            {
                await handOff.StartReviewsAsync(incident.Id, reviews, cancellationToken);
            }
        }

        return released;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep queued the reviews of incident {IncidentId}: they were recorded but never handed on")]
    private partial void LogReviewsResumed(string incidentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep queued the fan-out of incident {IncidentId}: it was released but never handed on")]
    private partial void LogFanoutResumed(string incidentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep released incident {IncidentId}: its release message did not arrive")]
    private partial void LogSwept(string incidentId);
}
