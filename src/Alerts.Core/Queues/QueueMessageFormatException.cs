namespace Alerts.Core.Queues;

/// <summary>A queue message that cannot be read; it will fail every time and end in the poison queue.</summary>
public sealed class QueueMessageFormatException(string queueName, string reason)
    : Exception($"A message on {queueName} is malformed: {reason}");
