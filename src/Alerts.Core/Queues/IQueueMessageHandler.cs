namespace Alerts.Core.Queues;

/// <summary>
/// A pipeline stage fed by a storage queue. Both hosts deliver messages to it: the Functions queue trigger
/// and the standalone server's queue listener. Must be idempotent: delivery is at least once.
/// </summary>
public interface IQueueMessageHandler
{
    string QueueName { get; }

    /// <summary>Handles one message body (already Base64-decoded). Throwing leaves the message for a retry.</summary>
    Task HandleAsync(string message, CancellationToken cancellationToken);
}
