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

    /// <summary>Never sent: the incident was cancelled first, or the notice it would have followed was never sent.</summary>
    Withdrawn,
}
