using Alerts.Core.Pipeline;
using Alerts.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alerts.Testing;

/// <summary>A fresh Azurite storage account with the service's tables and queues created.</summary>
public sealed class StorageAccount
{
    private StorageAccount(string connectionString, StorageConnection connection)
    {
        ConnectionString = connectionString;
        Connection = connection;
    }

    public string ConnectionString { get; }

    public StorageConnection Connection { get; }

    public static async Task<StorageAccount> CreateAsync()
    {
        var connectionString = Azurite.Instance.NewAccount();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageConnection.SettingName] = connectionString })
            .Build();
        var connection = StorageConnection.FromConfiguration(configuration);
        using var initializer = new StorageInitializer(connection, PipelineStages.StorageLayout, NullLogger<StorageInitializer>.Instance);
        if (!await initializer.TryCreateAsync(CancellationToken.None))
        {
            throw new InvalidOperationException("Azurite did not create the tables and queues.");
        }

        return new StorageAccount(connectionString, connection);
    }
}
