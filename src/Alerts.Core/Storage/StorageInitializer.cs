using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Storage;

/// <summary>Creates the tables and queues (and poison queues) if missing, before the host takes work.</summary>
public sealed class StorageInitializer(StorageConnection storage, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var table in TableNames.All)
            {
                await storage.Table(table).CreateIfNotExistsAsync(cancellationToken);
            }

            foreach (var queue in QueueNames.All)
            {
                await storage.Queue(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                await storage.Queue(QueueNames.PoisonOf(queue)).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }
        }
        catch (RequestFailedException e)
        {
            throw new InvalidOperationException($"Storage at {storage.Description} refused to create the tables and queues: {e.Message}", e);
        }
        catch (AggregateException e)
        {
            throw new InvalidOperationException($"Storage at {storage.Description} is not reachable: {e.InnerExceptions[0].Message}", e);
        }

        logger.LogInformation("Storage ready at {Storage}", storage.Description);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
