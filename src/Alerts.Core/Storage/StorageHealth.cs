namespace Alerts.Core.Storage;

/// <summary>Whether table and queue storage answer within a few seconds.</summary>
public sealed class StorageHealth(StorageConnection storage, StorageLayout layout)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Where storage is (no secrets), for probes and logs.</summary>
    public string Description => storage.Description;

    /// <summary>Null when storage answered; otherwise what went wrong, in a few words.</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await storage.Table(layout.Tables[0]).GetAccessPoliciesAsync(timeout.Token);
            await storage.Queue(layout.Queues[0]).GetPropertiesAsync(timeout.Token);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"Storage at {storage.Description} did not answer: {e.GetType().Name}.";
        }
    }
}
