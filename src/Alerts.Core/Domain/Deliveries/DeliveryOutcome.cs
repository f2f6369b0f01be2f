namespace Alerts.Core.Domain.Deliveries;

/// <summary>
/// The result of one delivery attempt, as decided by one classifier per channel: delivered, worth retrying
/// (optionally not before <see cref="Retry.RetryAfter"/>), or failed for good.
/// <see cref="Code"/> is the HTTP status or SMTP reply code when there was one.
/// </summary>
public abstract record DeliveryOutcome(string Detail, int? Code)
{
    public sealed record Delivered(string Detail, int? Code) : DeliveryOutcome(Detail, Code);

    public sealed record Retry(string Detail, int? Code, TimeSpan? RetryAfter = null) : DeliveryOutcome(Detail, Code);

    /// <summary>Permanent failure; <paramref name="DisableSubscriber"/> when the receiver said it is gone (HTTP 410).</summary>
    public sealed record Failed(string Detail, int? Code, bool DisableSubscriber = false) : DeliveryOutcome(Detail, Code);
}
