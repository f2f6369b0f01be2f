namespace Alerts.Core.Queues;

/// <summary>
/// The handler of a queued pipeline stage, taking its typed message. Must be idempotent: messages arrive at least once.
/// </summary>
public interface IStageHandler<in TMessage>
    where TMessage : class
{
    /// <summary>Handles one message. Throwing leaves the message for a retry.</summary>
    Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
