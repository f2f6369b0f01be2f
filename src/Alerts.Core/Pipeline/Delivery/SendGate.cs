using System.Collections.Concurrent;
using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Pipeline.Delivery;

/// <summary>
/// Bounds the attempts in flight in this process: all of them, and those to any one destination (as its channel names
/// and limits it), so that receivers that never answer hold a few slots for their timeout and stall nobody else.
/// </summary>
public sealed class SendGate(IEnumerable<IDeliveryChannel> channels)
{
    /// <summary>Attempts in flight at once in one process.</summary>
    public const int MaxInFlight = 1024;

    private readonly SemaphoreSlim all = new(MaxInFlight);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> byDestination = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<SubscriberChannel, IDeliveryChannel> channelsByKind = channels.ToDictionary(c => c.Channel);

    public async Task<T> RunAsync<T>(Subscriber? subscriber, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var destination = subscriber is not null && channelsByKind.TryGetValue(subscriber.Channel, out var channel)
            ? byDestination.GetOrAdd($"{channel.Channel}|{channel.DestinationOf(subscriber)}", _ => new SemaphoreSlim(channel.MaxInFlightPerDestination))
            : null;
        await all.WaitAsync(cancellationToken);
        try
        {
            if (destination is not null)
            {
                await destination.WaitAsync(cancellationToken);
            }

            try
            {
                return await attempt(cancellationToken);
            }
            finally
            {
                destination?.Release();
            }
        }
        finally
        {
            all.Release();
        }
    }
}
