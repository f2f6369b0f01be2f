using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Microsoft.Extensions.Options;

namespace Alerts.Server.Queues;

/// <summary>Runs one <see cref="QueueListener"/> for every registered queue handler.</summary>
public sealed class QueueListenerService(
    IEnumerable<IQueueMessageHandler> handlers,
    StorageConnection storage,
    IOptions<QueueListenerOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    public IReadOnlyList<string> QueueNames { get; } = handlers.Select(h => h.QueueName).ToList();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(handlers.Select(h =>
            new QueueListener(h, storage, options.Value, time, loggers.CreateLogger<QueueListener>()).RunAsync(stoppingToken)));
}
