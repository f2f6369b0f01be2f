using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Storage;

/// <summary>Everything stored in an incident's partition, read in one query.</summary>
public sealed record IncidentRecord(Incident Incident, IReadOnlyList<ReportRecord> Reports, IReadOnlyList<TimelineEntry> Timeline);
