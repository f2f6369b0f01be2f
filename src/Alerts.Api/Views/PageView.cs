namespace Alerts.Api.Views;

/// <summary>A page of items; pass <c>continuationToken</c> back to get the next one.</summary>
public sealed record PageView<T>(IReadOnlyList<T> Items, string? ContinuationToken);
