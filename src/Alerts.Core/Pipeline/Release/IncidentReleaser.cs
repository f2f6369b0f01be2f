using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Verification;
using Alerts.Core.Pipeline.Transitions;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline.Release;

/// <summary>
/// Ends holds that are due (<see cref="ReleaseDecision.IfDue"/>) through the one transition primitive: when several
/// workers race, exactly one release is written and the others see that it happened.
/// </summary>
public sealed partial class IncidentReleaser(IncidentTransitions transitions, ConfirmationPolicy confirmation, ILogger<IncidentReleaser> logger)
{
    /// <summary>When the hold has ended: release, or await confirmation. <paramref name="scheduledFor"/> pins the hold end the caller expects.</summary>
    public async Task<ReleaseOutcome> ReleaseIfDueAsync(string incidentId, DateTimeOffset? scheduledFor, Actor actor, string reason, CancellationToken cancellationToken)
    {
        var transition = await transitions.ApplyAsync(
            incidentId,
            (incident, now) => ReleaseDecision.IfDue(incident, scheduledFor, incident is not null && confirmation.Required(incident.Facts), actor, reason, now),
            cancellationToken);
        switch (transition)
        {
            case { Status: TransitionStatus.Written, Result: ReleaseOutcome.Released, Incident: { } released }:
                LogReleased(incidentId, released.ReleasedAt!.Value - released.HoldUntil);
                break;
            case { Status: TransitionStatus.Written, Result: ReleaseOutcome.AwaitingConfirmation }:
                LogAwaiting(incidentId);
                break;
            case { Status: TransitionStatus.Busy }:
                // Others kept changing it; whatever they did, the sweep looks again if it is still held past its end.
                return ReleaseOutcome.NothingToDo;
        }

        return transition.Result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released incident {IncidentId}, {Lateness} after its hold ended")]
    private partial void LogReleased(string incidentId, TimeSpan lateness);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} awaits an analyst's confirmation; analysts told")]
    private partial void LogAwaiting(string incidentId);
}
