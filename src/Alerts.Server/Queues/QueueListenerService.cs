using Alerts.Core.Pipeline;
using Alerts.Core.Queues;
using Microsoft.Extensions.Options;

namespace Alerts.Server.Queues;

/// <summary>
/// Runs one <see cref="QueueListener"/> for every queued stage <see cref="PipelineStages"/> declares, sharing one
/// <see cref="QueueWakeUps"/>: a finished message wakes the listeners of the queues its stage hands work on to at once.
/// </summary>
public sealed class QueueListenerService(
    IEnumerable<PipelineQueue> queues,
    IEnumerable<IQueueMessageHandler> handlers,
    IOptions<QueueListenerOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly QueueWakeUps wakeUps = new();

    public IReadOnlyList<string> QueueNames { get; } = PipelineStages.Queued.Select(s => s.Queue!).ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // When the host stops, no new message is taken; those in flight may finish for DrainTimeout, then are given back.
        using var drain = new CancellationTokenSource();
        await using var drainAfterStop = stoppingToken.Register(() => drain.CancelAfter(options.Value.DrainTimeout));
        await Task.WhenAll(PipelineStages.Queued.Select(stage =>
            new QueueListener(
                queues.Single(q => q.Name == stage.Queue),
                handlers.Single(h => h.QueueName == stage.Queue),
                options.Value,
                wakeUps,
                stage.WakesAtOnce,
                time,
                loggers.CreateLogger<QueueListener>())
                .RunAsync(stoppingToken, drain.Token)));
    }
}
