using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Queues;

namespace Alerts.Core.Pipeline.Release;

/// <summary>The release stage: a release message became due; release the incident if its hold is over.</summary>
public sealed class ReleaseHandler(IncidentReleaser releaser, StageQueue<ReleaseMessage> releases) : IStageHandler<ReleaseMessage>
{
    Task IStageHandler<ReleaseMessage>.HandleAsync(ReleaseMessage message, CancellationToken cancellationToken) =>
        HandleAsync(message, cancellationToken);

    public async Task<ReleaseOutcome> HandleAsync(ReleaseMessage message, CancellationToken cancellationToken)
    {
        var outcome = await releaser.ReleaseIfDueAsync(message.IncidentId, message.HoldUntil, Actor.System, "hold ended", cancellationToken);
        if (outcome == ReleaseOutcome.Rescheduled)
        {
            // Early by this instance's clock: look again when it says the hold has ended.
            await releases.SendAsync(message, cancellationToken);
        }

        return outcome;
    }
}
