using Azure.Storage.Queues.Models;

namespace Alerts.Core.Queues;

/// <summary>
/// Hands a message on to the stage that takes <typeparamref name="TMessage"/>: now, or for an
/// <see cref="IScheduledMessage"/> when it is due. The only way the pipeline's messages are sent.
/// </summary>
public sealed class StageQueue<TMessage>(PipelineQueue queue, TimeProvider time)
    where TMessage : class
{
    public string Name => queue.Name;

    public async Task<SendReceipt> SendAsync(TMessage message, CancellationToken cancellationToken)
    {
        var delay = message is IScheduledMessage { DueAt: { } due } ? due - time.GetUtcNow() : TimeSpan.Zero;
        return await queue.SendAsync(QueueMessages.Serialize(message), delay, cancellationToken);
    }
}
