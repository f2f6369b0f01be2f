namespace Alerts.Core.Domain.Deliveries;

/// <summary>Where one delivery stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt (first or retry).</summary>
    Pending,

    /// <summary>An instance has claimed it and is sending now.</summary>
    Sending,

    Delivered,

    /// <summary>Permanently failed or out of retries; an operator may redeliver.</summary>
    Failed,

    /// <summary>Never attempted: the incident was cancelled first, or the notice it would have followed was never sent.</summary>
    Withdrawn,

    /// <summary>
    /// Stopped after attempts that may have reached the receiver (one went out, whatever came back): the incident was
    /// cancelled, so instead of another try the cancellation follows.
    /// </summary>
    Attempted,
}
