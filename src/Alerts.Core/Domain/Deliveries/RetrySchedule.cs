using Microsoft.Extensions.Options;

namespace Alerts.Core.Domain.Deliveries;

/// <summary>
/// How long to wait before the next attempt of a delivery: the configured delay with jitter, or longer when the receiver
/// asked for it; null once the schedule is used up and the delivery has failed.
/// </summary>
public sealed class RetrySchedule(IOptions<RetryOptions> options, IJitterSource jitter)
{
    private readonly RetryOptions settings = options.Value;

    /// <summary>The delays before attempts 2, 3, …</summary>
    public IReadOnlyList<TimeSpan> Schedule => settings.EffectiveSchedule;

    /// <summary>The first attempt plus one per scheduled delay.</summary>
    public int MaxAttempts => Schedule.Count + 1;

    /// <summary>The wait before attempt <paramref name="attemptsMade"/> + 1, or null when no attempt is left.</summary>
    /// <param name="attemptsMade">Attempts made so far, counting from 1.</param>
    /// <param name="retryAfter">What the receiver asked for (<c>Retry-After</c>), already clamped by the channel.</param>
    public TimeSpan? NextDelay(int attemptsMade, TimeSpan? retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptsMade, 1);
        if (attemptsMade > Schedule.Count)
        {
            return null;
        }

        var factor = 1 + (settings.Jitter * ((2 * jitter.Next()) - 1));
        var delay = Schedule[attemptsMade - 1] * factor;
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked;
        }

        // Jitter may push a delay at the ceiling past it; the queue cannot hold a message longer.
        return delay > RetryOptions.Ceiling ? RetryOptions.Ceiling : delay;
    }
}
