namespace Alerts.Core.Domain.Incidents;

/// <summary>
/// A notice issued about an incident, kept unchanged: its number, type (incident.alert|update|cancel|review), who it
/// is for, the incident version and the facts exactly as sent, and for a correction the version it replaces.
/// </summary>
public sealed record IssuedNotice(
    int Number,
    string Type,
    NoticeAudience Audience,
    int Version,
    IncidentFacts Facts,
    DateTimeOffset IssuedAt,
    int? References,
    string? Reason);
