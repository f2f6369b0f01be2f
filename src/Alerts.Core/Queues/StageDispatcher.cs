namespace Alerts.Core.Queues;

/// <summary>
/// Reads a message of one stage's queue and runs the stage's handler, unless the message arrived before it is due
/// (a delay longer than the queue allows comes in steps): then it is sent on again for the rest of the wait. The queue
/// counts whole seconds, so a message may come up to a second early; that one the handler gets, and decides on the
/// exact time itself (a release not yet due is queued again, a delivery takes only what is due).
/// </summary>
public sealed class StageDispatcher<TMessage>(StageQueue<TMessage> queue, IStageHandler<TMessage> handler, TimeProvider time) : IQueueMessageHandler
    where TMessage : class
{
    private static readonly TimeSpan Early = TimeSpan.FromSeconds(1);

    public string QueueName => queue.Name;

    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var typed = QueueMessages.Deserialize<TMessage>(QueueName, message);
        if (typed is IScheduledMessage { DueAt: { } due } && due > time.GetUtcNow() + Early)
        {
            await queue.SendAsync(typed, cancellationToken);
            return;
        }

        await handler.HandleAsync(typed, cancellationToken);
    }
}
