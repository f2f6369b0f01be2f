using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Pipeline.Delivery;

/// <summary>Sends one attempt over one channel and says what happened; never throws for a receiver's failure.</summary>
public interface IDeliveryChannel
{
    SubscriberChannel Channel { get; }

    Task<DeliveryOutcome> SendAsync(DeliveryAttempt attempt, CancellationToken cancellationToken);
}
