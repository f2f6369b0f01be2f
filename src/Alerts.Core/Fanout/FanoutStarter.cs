using Alerts.Core.Queues;
using Alerts.Core.Storage;

namespace Alerts.Core.Fanout;

/// <summary>Hands a released incident version to fan-out: queues its first page, then clears the incident's pending flag.</summary>
public sealed class FanoutStarter(StorageConnection storage, IncidentStore incidents)
{
    public async Task StartAsync(string incidentId, int version, CancellationToken cancellationToken)
    {
        // Queue first, flag second: a crash in between queues a second first page, which fan-out shrugs off.
        await storage.Queue(QueueNames.AlertFanout).SendMessageAsync(
            QueueMessages.Serialize(new FanoutMessage(incidentId, version, null)), cancellationToken);
        await incidents.MarkFanoutQueuedAsync(incidentId, cancellationToken);
    }
}
