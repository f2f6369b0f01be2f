namespace Alerts.Core.Queries;

/// <summary>A page of results and the opaque token for the next page (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
