namespace Alerts.Testing;

/// <summary>Which storage service a proxied request is for.</summary>
public enum StorageService
{
    Blob,
    Queue,
    Table,
}
