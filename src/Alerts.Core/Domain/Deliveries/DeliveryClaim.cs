namespace Alerts.Core.Domain.Deliveries;

/// <summary>
/// A delivery claimed by the instance that sends it: Sending, kept from other instances for <see cref="Lease"/>, one
/// more attempt counted. Written with an ETag (or created: an Add succeeds once), so only one instance sends it.
/// </summary>
public static class DeliveryClaim
{
    /// <summary>How long a claim keeps other instances away; after it, a crashed sender's deliveries are sent again.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static DeliveryRecord Of(DeliveryRecord record, DateTimeOffset now) =>
        record with { Status = DeliveryStatus.Sending, ClaimedUntil = now + Lease, AttemptsMade = record.AttemptsMade + 1, LastAttemptAt = now };
}
