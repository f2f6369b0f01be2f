using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Queues;
using Alerts.Core.Storage;

namespace Alerts.Core.Pipeline.Release;

/// <summary>Queues a release message that becomes visible when the hold ends (in steps when longer than the queue allows).</summary>
public sealed class ReleaseScheduler(StorageConnection storage, TimeProvider time)
{
    /// <summary>Queue visibility delays are capped at 7 days; stay clear of the edge.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(6);

    public async Task ScheduleAsync(ReleaseMessage message, CancellationToken cancellationToken)
    {
        var delay = message.HoldUntil - time.GetUtcNow();
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;

        // Never expire: a message that outlives its TTL would be dropped silently and leave the sweep to catch it.
        await storage.Queue(QueueNames.IncidentRelease).SendMessageAsync(
            QueueMessages.Serialize(message),
            visibilityTimeout: delay,
            timeToLive: TimeSpan.FromSeconds(-1),
            cancellationToken: cancellationToken);
    }
}
