using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline.Messages;

namespace Alerts.Core.Pipeline.Delivery;

/// <summary>
/// Deliveries of one notice to one page of recipients that the caller has claimed (records in Sending that it created,
/// or won by ETag), ready for <see cref="DeliverySender"/>: what the fan-out hands the delivery stage to send at once.
/// </summary>
public sealed record ClaimedDeliveries(DeliveryMessage Page, IReadOnlyList<DeliveryRecord> Records, IReadOnlyDictionary<string, Subscriber> Recipients, AlertNotice Notice);
