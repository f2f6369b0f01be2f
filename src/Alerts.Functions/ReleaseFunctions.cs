using Alerts.Core.Pipeline;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Pipeline.Release;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>The release stage: the queue trigger for scheduled releases and the timer for the lost-message sweep.</summary>
public sealed class ReleaseFunctions(StageDispatcher<ReleaseMessage> release, ReleaseSweep sweep)
{
    [Function(nameof(ReleaseIncident))]
    public Task ReleaseIncident(
        [QueueTrigger(PipelineStages.ReleaseQueue, Connection = StorageConnection.SettingName)] string message,
        CancellationToken cancellationToken) =>
        release.HandleAsync(message, cancellationToken);

    [Function(nameof(SweepReleases))]
    public Task SweepReleases(
        [TimerTrigger(PipelineStages.SweepSchedule)] TimerInfo timer,
        CancellationToken cancellationToken) =>
        sweep.RunAsync(cancellationToken);
}
