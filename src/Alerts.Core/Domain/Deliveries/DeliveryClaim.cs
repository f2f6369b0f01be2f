namespace Alerts.Core.Domain.Deliveries;

/// <summary>
/// A delivery claimed by the sender that sends it: Sending, kept from other instances for <see cref="Lease"/> (the sender
/// renews it every <see cref="RenewEvery"/> while the attempt runs), one more attempt counted, and the claimant's token,
/// so that a claim whose answer was lost is still known as its own. Written with an ETag (or created: an Add succeeds
/// once), so only one sender sends it; after a crash another instance takes it over once the lease has run out.
/// </summary>
public static class DeliveryClaim
{
    /// <summary>How long a claim keeps other instances away without being renewed: a crashed sender's deliveries wait this long.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    /// <summary>How often a sender renews the claims of attempts still running.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(5);

    /// <summary>A token for one sender's claims.</summary>
    public static string NewToken() => Guid.NewGuid().ToString("N");

    public static DeliveryRecord Of(DeliveryRecord record, DateTimeOffset now, string token) =>
        record with { Status = DeliveryStatus.Sending, ClaimedUntil = now + Lease, AttemptsMade = record.AttemptsMade + 1, LastAttemptAt = now, ClaimToken = token };
}
