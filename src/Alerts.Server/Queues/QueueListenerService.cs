using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Microsoft.Extensions.Options;

namespace Alerts.Server.Queues;

/// <summary>Runs one <see cref="QueueListener"/> for every registered queue handler, sharing one <see cref="QueueWakeUps"/>.</summary>
public sealed class QueueListenerService(
    IEnumerable<IQueueMessageHandler> handlers,
    StorageConnection storage,
    IOptions<QueueListenerOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    /// <summary>
    /// Which listeners a finished message wakes: a release queues a fan-out; a fan-out page queues the next page and
    /// delivery messages. Deliveries queue only delayed retries, so they wake nobody.
    /// </summary>
    private static readonly Dictionary<string, string[]> DownstreamOf = new(StringComparer.Ordinal)
    {
        [Core.Storage.QueueNames.IncidentRelease] = [Core.Storage.QueueNames.AlertFanout],
        [Core.Storage.QueueNames.AlertFanout] = [Core.Storage.QueueNames.AlertFanout, Core.Storage.QueueNames.AlertDelivery],
    };

    private readonly QueueWakeUps wakeUps = new();

    public IReadOnlyList<string> QueueNames { get; } = handlers.Select(h => h.QueueName).ToList();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(handlers.Select(h =>
            new QueueListener(h, storage, options.Value, wakeUps, DownstreamOf.GetValueOrDefault(h.QueueName) ?? [], time, loggers.CreateLogger<QueueListener>())
                .RunAsync(stoppingToken)));
}
