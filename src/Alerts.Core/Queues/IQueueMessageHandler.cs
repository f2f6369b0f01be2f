namespace Alerts.Core.Queues;

/// <summary>
/// What both hosts hand a queue message to, by queue name: the Functions queue trigger and the standalone server's queue
/// listener. See <see cref="StageDispatcher{TMessage}"/>.
/// </summary>
public interface IQueueMessageHandler
{
    string QueueName { get; }

    /// <summary>Handles one message body (already Base64-decoded). Throwing leaves the message for a retry.</summary>
    Task HandleAsync(string message, CancellationToken cancellationToken);
}
