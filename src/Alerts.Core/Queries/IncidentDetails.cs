using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Queries;

/// <summary>An incident as people read it: its current state, every report, the timeline, and how its deliveries stand.</summary>
public sealed record IncidentDetails(Incident Incident, IReadOnlyList<ReportRecord> Reports, IReadOnlyList<TimelineEntry> Timeline, DeliveryCounts Deliveries);
