namespace Alerts.Core.Domain.Incidents;

/// <summary>
/// A decided change of an incident, written all at once: the incident as it will be, the timeline entries and the
/// notices it adds, and the report it files (a report that joins or opens the incident).
/// </summary>
public sealed record IncidentChange(Incident Next, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<IssuedNotice> Notices, ReportRecord? Report = null)
{
    /// <summary>Only the service's own bookkeeping changes (no timeline entry, no notice).</summary>
    public static IncidentChange Bookkeeping(Incident next) => new(next, [], []);
}
