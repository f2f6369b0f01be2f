using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Queries;

/// <summary>
/// An incident as people read it: its current state, every report, the timeline, how its deliveries stand, and whether
/// its facts need an analyst's confirmation before release (so its hold ends in "awaiting confirmation").
/// </summary>
public sealed record IncidentDetails(Incident Incident, IReadOnlyList<ReportRecord> Reports, IReadOnlyList<TimelineEntry> Timeline, DeliveryCounts Deliveries, bool ConfirmationRequired = false);
