namespace Alerts.Api.Views;

/// <summary>A page of the board; pass <c>continuationToken</c> back to get the next one.</summary>
public sealed record IncidentListView(IReadOnlyList<IncidentSummaryView> Items, string? ContinuationToken);
