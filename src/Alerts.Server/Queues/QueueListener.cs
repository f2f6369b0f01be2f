using Alerts.Core.Queues;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Alerts.Server.Queues;

/// <summary>
/// Feeds one queue to its handler with the Functions queue-trigger semantics: Base64 messages, a new batch fetched
/// whenever the messages in flight drop to <c>newBatchThreshold</c>, polling that backs off to <c>maxPollingInterval</c>
/// when idle, a failed message hidden for <c>visibilityTimeout</c>, and after <c>maxDequeueCount</c> attempts a move to
/// <c>&lt;queue&gt;-poison</c>. Instances compete for messages.
/// <para>
/// Two things the Functions host does not do, so that a release reaches its subscribers without waiting out back-offs:
/// while any listener of this process has work in flight, empty queues are polled every <c>MinPollingInterval</c>
/// instead of backing off, and a finished message wakes the listeners of <see cref="Downstream"/> at once.
/// </para>
/// </summary>
public sealed partial class QueueListener(
    PipelineQueue pipelineQueue,
    IQueueMessageHandler handler,
    QueueListenerOptions options,
    QueueWakeUps wakeUps,
    IReadOnlyList<string> downstream,
    TimeProvider time,
    ILogger<QueueListener> logger)
{
    private readonly object gate = new();
    private readonly HashSet<Task> inFlight = [];
    private TaskCompletionSource slotFreed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The queues whose listeners a finished message of this queue wakes.</summary>
    public IReadOnlyList<string> Downstream => downstream;

    /// <param name="stoppingToken">Signalled when the host stops: no new message is taken from then on.</param>
    /// <param name="drainToken">Signalled when messages in flight may run no longer: those unfinished are given back at once.</param>
    public async Task RunAsync(CancellationToken stoppingToken, CancellationToken drainToken)
    {
        var queue = pipelineQueue.Client;
        var threshold = options.EffectiveNewBatchThreshold;
        var delay = options.MinPollingInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Fetch another batch only when what is in flight has dropped to the threshold (newBatchThreshold).
                Task freed;
                lock (gate)
                {
                    freed = inFlight.Count > threshold ? slotFreed.Task : Task.CompletedTask;
                }

                if (!freed.IsCompleted)
                {
                    await freed.WaitAsync(stoppingToken).ConfigureAwait(false);
                    continue;
                }

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
                    // Idle: back off. Busy (work in flight here or in another stage of this process): keep polling briskly,
                    // since that work is about to queue more.
                    var busy = wakeUps.Busy;
                    var woken = await wakeUps.WaitAsync(handler.QueueName, busy ? options.MinPollingInterval : delay, time, stoppingToken);
                    delay = woken || busy
                        ? options.MinPollingInterval
                        : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollingInterval.Ticks));
                    continue;
                }

                delay = options.MinPollingInterval;
                foreach (var message in messages)
                {
                    Start(queue, message, drainToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            Task[] running;
            lock (gate)
            {
                running = [.. inFlight];
            }

            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }

    private void Start(QueueClient queue, QueueMessage message, CancellationToken drainToken)
    {
        wakeUps.Started();
        var task = Task.Run(() => ProcessAsync(queue, message, drainToken), CancellationToken.None);
        lock (gate)
        {
            inFlight.Add(task);
        }

        task.ContinueWith(
            t =>
            {
                TaskCompletionSource freed;
                lock (gate)
                {
                    inFlight.Remove(t);
                    freed = slotFreed;
                    slotFreed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                wakeUps.Finished();
                foreach (var next in downstream)
                {
                    wakeUps.Wake(next);
                }

                freed.TrySetResult();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task ProcessAsync(QueueClient queue, QueueMessage message, CancellationToken drainToken)
    {
        // Like the Functions host, keep the message hidden while it is being processed, however long that takes.
        var lease = new Lease(message.PopReceipt);
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(drainToken);
        var renewal = RenewAsync(queue, message, lease, renewing.Token);
        try
        {
            await handler.HandleAsync(message.Body.ToString(), drainToken);
            await renewing.CancelAsync();
            await renewal;
            await DeleteAsync(queue, message, lease.PopReceipt);
        }
        catch (OperationCanceledException) when (drainToken.IsCancellationRequested)
        {
            // Shut down before it finished: give it back now, so another instance takes it at once, not after the lease.
            await renewing.CancelAsync();
            await renewal;
            await GiveBackAsync(queue, message, lease.PopReceipt);
        }
        catch (Exception e)
        {
            await renewing.CancelAsync();
            await renewal;
            await FailAsync(queue, message, lease.PopReceipt, e);
        }
    }

    /// <summary>Deletes a handled message. Not found: a delete whose answer was lost was retried, and the message is gone.</summary>
    private static async Task DeleteAsync(QueueClient queue, QueueMessage message, string popReceipt)
    {
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, popReceipt, CancellationToken.None);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    private async Task RenewAsync(QueueClient queue, QueueMessage message, Lease lease, CancellationToken cancellationToken)
    {
        var every = options.ProcessingLease / 2;
        try
        {
            while (true)
            {
                await Task.Delay(every, time, cancellationToken);

                // Not cancelled midway: the new pop receipt must be known before the message is deleted.
                var receipt = await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: options.ProcessingLease, cancellationToken: CancellationToken.None);
                lease.PopReceipt = receipt.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            // The message may come back to another instance; the handlers' claims keep that harmless.
            LogRenewFailed(e, handler.QueueName, message.MessageId);
        }
    }

    private sealed class Lease(string popReceipt)
    {
        public string PopReceipt { get; set; } = popReceipt;
    }

    private async Task GiveBackAsync(QueueClient queue, QueueMessage message, string popReceipt)
    {
        try
        {
            await queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
            LogGivenBack(handler.QueueName, message.MessageId);
        }
        catch (Exception e)
        {
            LogFailHandlingFailed(e, handler.QueueName, message.MessageId);
        }
    }

    private async Task FailAsync(QueueClient queue, QueueMessage message, string popReceipt, Exception error)
    {
        try
        {
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                LogPoisoned(error, handler.QueueName, message.MessageId, message.DequeueCount);
                await pipelineQueue.MoveToPoisonAsync(message.Body.ToString(), CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, popReceipt, CancellationToken.None);
            }
            else
            {
                LogFailed(error, handler.QueueName, message.MessageId, message.DequeueCount);
                await queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            // The lease will lapse and the message come back; nothing is lost.
            LogFailHandlingFailed(e, handler.QueueName, message.MessageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: message {MessageId} on {Queue} was not finished and is given back")]
    private partial void LogGivenBack(string queue, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not extend the lease of message {MessageId} on {Queue}")]
    private partial void LogRenewFailed(Exception exception, string queue, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not poll queue {Queue}")]
    private partial void LogReceiveFailed(Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on {Queue} failed (attempt {DequeueCount}); it will be retried")]
    private partial void LogFailed(Exception exception, string queue, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} on {Queue} failed {DequeueCount} times; moved to the poison queue")]
    private partial void LogPoisoned(Exception exception, string queue, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not return or poison message {MessageId} on {Queue}; its lease will lapse")]
    private partial void LogFailHandlingFailed(Exception exception, string queue, string messageId);
}
