using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Transitions;

namespace Alerts.Core.Pipeline.Fanout;

/// <summary>
/// When the last page of a public notice's fan-out is done, starts the fan-out of the newest public notice issued
/// meanwhile, or marks the incident's fan-out idle. Sequential fan-outs keep the recipient ledger complete before a
/// correction reads it, so a correction reaches everyone its predecessor reached.
/// </summary>
public sealed class FanoutCompleter(IncidentTransitions transitions)
{
    public async Task CompleteAsync(string incidentId, int notice, CancellationToken cancellationToken)
    {
        var transition = await transitions.ApplyAsync(incidentId, (incident, _) => Complete(incident, notice), cancellationToken);
        if (transition.Status == TransitionStatus.Busy)
        {
            // The page's message is retried; its records exist, so the retry only finishes this.
            throw new InvalidOperationException($"Incident {incidentId} kept changing: the fan-out of notice {notice} could not be marked done.");
        }
    }

    /// <summary>The next public notice's turn (its fan-out pending, handed on after the commit), or the fan-out idle.</summary>
    public static Decision<bool> Complete(Incident? incident, int notice)
    {
        if (incident is null || incident.FanoutNotice != notice || incident.FanoutDone)
        {
            return Decide.Answer(false);
        }

        var next = incident.LastPublicNotice > notice
            ? incident with { FanoutNotice = incident.LastPublicNotice, FanoutPending = true }
            : incident with { FanoutDone = true };
        return Decide.Write(IncidentChange.Bookkeeping(next), true);
    }
}
