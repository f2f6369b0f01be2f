using System.Collections.Concurrent;

namespace Alerts.Testing;

/// <summary>Arrivals of one incident's webhooks: when the first and last came, and how many distinct webhook-ids.</summary>
public sealed class IncidentArrivals
{
    private readonly ConcurrentDictionary<string, byte> ids = new(StringComparer.Ordinal);
    private readonly object gate = new();

    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    public int Distinct => ids.Count;

    /// <summary>Arrivals of a webhook-id that had already arrived (at-least-once delivery sending twice).</summary>
    public int Duplicates { get; private set; }

    public void Add(string webhookId, DateTimeOffset at)
    {
        lock (gate)
        {
            if (!ids.TryAdd(webhookId, 0))
            {
                Duplicates++;
                return;
            }

            First = First is { } f && f < at ? f : at;
            Last = Last is { } l && l > at ? l : at;
        }
    }

    /// <summary>True once <paramref name="count"/> distinct webhook-ids have arrived; false at the timeout. (Arrival times are taken on receipt, so the polling here does not affect them.)</summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (ids.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }
}
