using Alerts.Core.Pipeline;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>The fan-out and delivery stages: queue triggers that hand each message to its stage.</summary>
public sealed class DeliveryFunctions(StageDispatcher<FanoutMessage> fanout, StageDispatcher<DeliveryMessage> delivery)
{
    [Function(nameof(FanOutAlert))]
    public Task FanOutAlert(
        [QueueTrigger(PipelineStages.FanoutQueue, Connection = StorageConnection.SettingName)] string message,
        CancellationToken cancellationToken) =>
        fanout.HandleAsync(message, cancellationToken);

    [Function(nameof(DeliverAlert))]
    public Task DeliverAlert(
        [QueueTrigger(PipelineStages.DeliveryQueue, Connection = StorageConnection.SettingName)] string message,
        CancellationToken cancellationToken) =>
        delivery.HandleAsync(message, cancellationToken);
}
