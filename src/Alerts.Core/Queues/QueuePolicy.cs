namespace Alerts.Core.Queues;

/// <summary>
/// How every message sent to one queue travels: its visibility delay, kept inside the queue service's limit (a message
/// due later arrives early and is sent again, in steps), and its time-to-live. The queue clients encode in Base64.
/// </summary>
public sealed record QueuePolicy(TimeSpan MaxVisibilityDelay, TimeSpan? TimeToLive)
{
    /// <summary>The queue service refuses visibility delays over 7 days; a day's margin keeps clock skew clear of it.</summary>
    public static readonly TimeSpan VisibilityLimit = TimeSpan.FromDays(6);

    /// <summary>Never expires: a message that outlived its time-to-live would be dropped silently, and its work with it.</summary>
    public static QueuePolicy NeverExpires { get; } = new(VisibilityLimit, null);

    /// <summary>The visibility delay for a message due after <paramref name="delay"/>: never negative, never past the limit.</summary>
    public TimeSpan VisibilityFor(TimeSpan delay) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxVisibilityDelay ? MaxVisibilityDelay : delay;

    /// <summary>The time-to-live as the queue service takes it: -1 second is "never".</summary>
    public TimeSpan ServiceTimeToLive => TimeToLive ?? TimeSpan.FromSeconds(-1);
}
