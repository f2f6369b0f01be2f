namespace Alerts.Core.Storage;

/// <summary>The <c>AzureWebJobsStorage</c> setting is missing or unusable; the host cannot start.</summary>
public sealed class StorageConfigurationException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
