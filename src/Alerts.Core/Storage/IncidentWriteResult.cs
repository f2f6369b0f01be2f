namespace Alerts.Core.Storage;

/// <summary>How writing an incident change went, and the incident row's new ETag when it was written.</summary>
public sealed record IncidentWriteResult(IncidentWrite Outcome, string? ETag);
