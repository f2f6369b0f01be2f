using Alerts.Core.Pipeline.Delivery;
using Alerts.Core.Pipeline.Fanout;
using Alerts.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>The fan-out and delivery stages: queue triggers that hand each message to its handler.</summary>
public sealed class DeliveryFunctions(FanoutHandler fanout, DeliveryHandler delivery)
{
    [Function(nameof(FanOutAlert))]
    public Task FanOutAlert(
        [QueueTrigger(QueueNames.AlertFanout, Connection = StorageConnection.SettingName)] string message,
        CancellationToken cancellationToken) =>
        fanout.HandleAsync(message, cancellationToken);

    [Function(nameof(DeliverAlert))]
    public Task DeliverAlert(
        [QueueTrigger(QueueNames.AlertDelivery, Connection = StorageConnection.SettingName)] string message,
        CancellationToken cancellationToken) =>
        delivery.HandleAsync(message, cancellationToken);
}
