namespace Alerts.Server.Queues;

/// <summary>
/// What the listeners of one process tell each other: whether any of them has messages in flight (the pipeline is
/// busy, so nobody backs off), and "a message of stage i finished, stage i+1 probably has work now" (a wake-up).
/// Another instance is not told; it finds the work by polling.
/// </summary>
public sealed class QueueWakeUps
{
    private readonly object gate = new();
    private readonly Dictionary<string, TaskCompletionSource> waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> pending = new(StringComparer.Ordinal);
    private int inFlight;

    /// <summary>True while any listener of this process is processing a message.</summary>
    public bool Busy => Volatile.Read(ref inFlight) > 0;

    public void Started() => Interlocked.Increment(ref inFlight);

    public void Finished() => Interlocked.Decrement(ref inFlight);

    /// <summary>Wakes the listener of <paramref name="queue"/> now, or at its next wait if it is not waiting.</summary>
    public void Wake(string queue)
    {
        TaskCompletionSource? waiter;
        lock (gate)
        {
            if (!waiting.Remove(queue, out waiter))
            {
                pending[queue] = true;
                return;
            }
        }

        waiter.TrySetResult();
    }

    /// <summary>Waits up to <paramref name="delay"/>; returns early (true) when woken.</summary>
    public async Task<bool> WaitAsync(string queue, TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (gate)
        {
            if (pending.Remove(queue))
            {
                return true;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting[queue] = waiter;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(delay, time, timeout.Token);
        var woken = await Task.WhenAny(waiter.Task, timer) == waiter.Task;
        await timeout.CancelAsync();
        lock (gate)
        {
            if (waiting.TryGetValue(queue, out var current) && current == waiter)
            {
                waiting.Remove(queue);
            }
        }

        return woken;
    }
}
