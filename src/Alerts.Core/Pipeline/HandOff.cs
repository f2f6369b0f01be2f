namespace Alerts.Core.Pipeline;

/// <summary>
/// A queue a stage hands work on to: <see cref="Now"/> for work the next stage can take at once (a finished message of
/// the stage wakes that queue's listener in the standalone server), or later, after a delay (a hold, a retry).
/// </summary>
public sealed record HandOff(string Queue, bool Now)
{
    public static HandOff At(string queue) => new(queue, Now: true);

    public static HandOff Later(string queue) => new(queue, Now: false);
}
