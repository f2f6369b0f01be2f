namespace Alerts.Testing;

/// <summary>A request on its way through <see cref="StorageFaultProxy"/>: service, HTTP method, path (with query), and the body as text.</summary>
public sealed record StorageRequest(StorageService Service, string Method, string Path, string Body);
