using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Pipeline.Delivery;

/// <summary>
/// One try at telling one subscriber. <see cref="DeliveryId"/> is stable across retries of the same delivery
/// (it is the webhook-id); <see cref="Attempt"/> counts from 1.
/// </summary>
public sealed record DeliveryAttempt(string DeliveryId, Subscriber Subscriber, AlertNotice Notice, int Attempt);
