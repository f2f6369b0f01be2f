using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;

namespace Alerts.Server.Queues;

/// <summary>
/// Feeds one queue to its handler with the Functions queue-trigger semantics: Base64 messages, polling that backs
/// off to <c>maxPollingInterval</c>, a failed message hidden for <c>visibilityTimeout</c>, and after
/// <c>maxDequeueCount</c> attempts a move to <c>&lt;queue&gt;-poison</c>. Instances compete for messages.
/// </summary>
public sealed partial class QueueListener(
    IQueueMessageHandler handler,
    StorageConnection storage,
    QueueListenerOptions options,
    TimeProvider time,
    ILogger<QueueListener> logger)
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var queue = storage.Queue(handler.QueueName);
        var poison = storage.Queue(QueueNames.PoisonOf(handler.QueueName));
        var delay = MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(options.BatchSize, options.ProcessingLease, stoppingToken)).Value;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogReceiveFailed(e, handler.QueueName);
                messages = [];
            }

            if (messages.Length == 0)
            {
                await Wait(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollingInterval.Ticks));
                continue;
            }

            delay = MinPollingInterval;
            await Task.WhenAll(messages.Select(m => ProcessAsync(queue, poison, m, stoppingToken)));
        }
    }

    private async Task ProcessAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await handler.HandleAsync(message.Body.ToString(), stoppingToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and another instance takes the message.
        }
        catch (Exception e)
        {
            await FailAsync(queue, poison, message, e);
        }
    }

    private async Task FailAsync(QueueClient queue, QueueClient poison, QueueMessage message, Exception error)
    {
        try
        {
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                LogPoisoned(error, handler.QueueName, message.MessageId, message.DequeueCount);
                await poison.SendMessageAsync(message.Body.ToString(), cancellationToken: CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            }
            else
            {
                LogFailed(error, handler.QueueName, message.MessageId, message.DequeueCount);
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            // The lease will lapse and the message come back; nothing is lost.
            LogFailHandlingFailed(e, handler.QueueName, message.MessageId);
        }
    }

    private async Task Wait(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not poll queue {Queue}")]
    private partial void LogReceiveFailed(Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on {Queue} failed (attempt {DequeueCount}); it will be retried")]
    private partial void LogFailed(Exception exception, string queue, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} on {Queue} failed {DequeueCount} times; moved to the poison queue")]
    private partial void LogPoisoned(Exception exception, string queue, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not return or poison message {MessageId} on {Queue}; its lease will lapse")]
    private partial void LogFailHandlingFailed(Exception exception, string queue, string messageId);
}
