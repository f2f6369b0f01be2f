namespace Alerts.Core.Domain.Cap;

/// <summary>
/// One entry of the Atom feed: a public notice of a released, real incident, as it went out — its title and summary,
/// and the earlier public notices it replaces (an update or cancellation is a new entry that refers to them).
/// </summary>
public sealed record FeedEntry(string IncidentId, int Notice, string Type, DateTimeOffset IssuedAt, string Title, string Summary, IReadOnlyList<int> Replaces);
