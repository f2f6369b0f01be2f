using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Queues;
using Alerts.Core.Storage;

namespace Alerts.Core.Pipeline.Release;

/// <summary>Stage 2 of the pipeline: a release message became visible; release the incident if its hold is over.</summary>
public sealed class ReleaseHandler(IncidentReleaser releaser, ReleaseScheduler scheduler) : IQueueMessageHandler
{
    public string QueueName => QueueNames.IncidentRelease;

    public Task HandleAsync(string message, CancellationToken cancellationToken) =>
        HandleAsync(QueueMessages.Deserialize<ReleaseMessage>(QueueName, message), cancellationToken);

    public async Task<ReleaseOutcome> HandleAsync(ReleaseMessage message, CancellationToken cancellationToken)
    {
        var outcome = await releaser.ReleaseIfDueAsync(message.IncidentId, message.HoldUntil, Actor.System, "hold ended", cancellationToken);
        if (outcome == ReleaseOutcome.Rescheduled)
        {
            // Holds longer than the queue's visibility cap arrive early, in steps; so may a message on a skewed clock.
            await scheduler.ScheduleAsync(message, cancellationToken);
        }

        return outcome;
    }
}
