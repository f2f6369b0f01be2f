using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Pipeline.Delivery;

/// <summary>Sends one attempt over one channel and says what happened; never throws for a receiver's failure.</summary>
public interface IDeliveryChannel
{
    SubscriberChannel Channel { get; }

    /// <summary>Attempts to one destination at once (see <see cref="DestinationOf"/>), so a slow one holds no more than this.</summary>
    int MaxInFlightPerDestination { get; }

    /// <summary>Where an attempt to this subscriber goes, as far as sharing a limit goes (a webhook's host and port, the mail relay).</summary>
    string DestinationOf(Subscriber subscriber);

    Task<DeliveryOutcome> SendAsync(DeliveryAttempt attempt, CancellationToken cancellationToken);
}
