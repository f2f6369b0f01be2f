using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Storage;

/// <summary>
/// Creates the tables and queues (and poison queues) if missing. Tries once before the host takes work; if storage
/// is unreachable the host still starts (health answers 503, listeners back off) and creation is retried until it works.
/// </summary>
public sealed partial class StorageInitializer(StorageConnection storage, StorageLayout layout, ILogger<StorageInitializer> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource stopping = new();
    private Task? retrying;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogCreating(storage.Description);
        if (!await TryCreateAsync(cancellationToken))
        {
            retrying = RetryUntilCreatedAsync(stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (retrying is not null)
        {
            await retrying.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public void Dispose() => stopping.Dispose();

    /// <summary>Creates everything; true when storage answered.</summary>
    public async Task<bool> TryCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var table in layout.Tables)
            {
                await storage.Table(table).CreateIfNotExistsAsync(cancellationToken);
            }

            foreach (var queue in layout.Queues)
            {
                await storage.Queue(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }

            LogReady(storage.Description);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(e, storage.Description, RetryInterval);
            return false;
        }
    }

    private async Task RetryUntilCreatedAsync(CancellationToken cancellationToken)
    {
        try
        {
            do
            {
                await Task.Delay(RetryInterval, cancellationToken);
            }
            while (!await TryCreateAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating tables and queues at {Storage}")]
    private partial void LogCreating(string storage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready at {Storage}")]
    private partial void LogReady(string storage);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage at {Storage} is not reachable; retrying every {Interval}")]
    private partial void LogUnavailable(Exception exception, string storage, TimeSpan interval);
}
