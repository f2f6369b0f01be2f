using Alerts.Core.Pipeline.Release;
using Alerts.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>The release stage: the queue trigger for scheduled releases and the timer for the lost-message sweep.</summary>
public sealed class ReleaseFunctions(ReleaseHandler handler, ReleaseSweep sweep)
{
    [Function(nameof(ReleaseIncident))]
    public Task ReleaseIncident(
        [QueueTrigger(QueueNames.IncidentRelease, Connection = StorageConnection.SettingName)] string message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);

    [Function(nameof(SweepReleases))]
    public Task SweepReleases(
        [TimerTrigger(ReleaseSweep.Schedule)] TimerInfo timer,
        CancellationToken cancellationToken) =>
        sweep.RunAsync(cancellationToken);
}
