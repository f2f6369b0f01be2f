using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Alerts.Core.Storage;

/// <summary>
/// Reads the <c>AzureWebJobsStorage</c> setting the way the Functions host does: a connection string,
/// or the identity-based form (<c>AzureWebJobsStorage__tableServiceUri</c>, <c>__queueServiceUri</c>,
/// <c>__accountName</c>, <c>__credential</c>, <c>__clientId</c>).
/// </summary>
public sealed class StorageConnection
{
    public const string SettingName = "AzureWebJobsStorage";

    private StorageConnection(TableServiceClient tables, QueueServiceClient queues, string description)
    {
        Tables = tables;
        Queues = queues;
        Description = description;
    }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    /// <summary>Where it points, without secrets, for logs.</summary>
    public string Description { get; }

    public static StorageConnection FromConfiguration(IConfiguration configuration)
    {
        var queueOptions = Retried(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var tableOptions = Retried(new TableClientOptions());
        var connectionString = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            try
            {
                var tables = new TableServiceClient(connectionString, tableOptions);
                var queues = new QueueServiceClient(connectionString, queueOptions);
                return new StorageConnection(tables, queues, tables.Uri.GetLeftPart(UriPartial.Path));
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                throw new StorageConfigurationException($"The setting {SettingName} is not a valid storage connection string: {e.Message}", e);
            }
        }

        var section = configuration.GetSection(SettingName);
        var accountName = section["accountName"];
        var tableUri = section["tableServiceUri"] ?? (accountName is null ? null : $"https://{accountName}.table.core.windows.net");
        var queueUri = section["queueServiceUri"] ?? (accountName is null ? null : $"https://{accountName}.queue.core.windows.net");
        if (tableUri is null || queueUri is null)
        {
            throw new StorageConfigurationException(
                $"Storage is not configured. Set {SettingName} to a connection string (for Azurite: UseDevelopmentStorage=true), " +
                $"or set {SettingName}__accountName, or both {SettingName}__tableServiceUri and {SettingName}__queueServiceUri for a managed identity.");
        }

        TokenCredential credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(section["clientId"] is { Length: > 0 } clientId ? ManagedIdentityId.FromUserAssignedClientId(clientId) : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
        return new StorageConnection(
            new TableServiceClient(new Uri(tableUri), credential, tableOptions),
            new QueueServiceClient(new Uri(queueUri), credential, queueOptions),
            tableUri);
    }

    public TableClient Table(string name) => Tables.GetTableClient(name);

    /// <summary>
    /// Transient storage faults are retried at once and briskly (0.2 s, then doubling to 2 s, five times), and a request
    /// that hangs is given up after 10 s, not the SDK's 100 s: a release or a delivery waits for storage seconds at most.
    /// </summary>
    private static T Retried<T>(T options)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.MaxRetries = 5;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }

    public QueueClient Queue(string name) => Queues.GetQueueClient(name);
}
