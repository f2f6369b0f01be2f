namespace Alerts.Core.Queries;

/// <summary>
/// Who would be told if the incident were released now, with its facts as they stand: the subscribers its alert would
/// go to, and the analysts who receive its reviews.
/// </summary>
public sealed record Audience(string IncidentId, AudienceCount Subscribers, AudienceCount Analysts);
