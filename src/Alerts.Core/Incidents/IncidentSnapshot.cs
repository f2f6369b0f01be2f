namespace Alerts.Core.Incidents;

/// <summary>An issued version of an incident: the notice type and the facts exactly as subscribers were sent them.</summary>
public sealed record IncidentSnapshot(int Version, string Type, IncidentFacts Facts, DateTimeOffset IssuedAt, int? References);
