using Alerts.Core.Domain.Incidents;
using Alerts.Core.Queries;

namespace Alerts.Api.Views;

/// <summary>
/// One line of the analysts' board: how long it is still held, what it is and where, how many reports from how many
/// independent sources, whether it is an exercise, and whether its hold ends in an analyst's confirmation.
/// </summary>
public sealed record IncidentSummaryView(
    string IncidentId,
    IncidentStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset HoldUntil,
    double HoldRemainingSeconds,
    string Category,
    Severity Severity,
    string Country,
    string Place,
    string Summary,
    int Reports,
    int Sources,
    int Corroborations,
    bool Exercise,
    bool ConfirmationRequired)
{
    public static IncidentSummaryView From(BoardEntry entry, DateTimeOffset now)
    {
        var i = entry.Incident;
        return new(
            i.Id,
            i.Status,
            i.ReceivedAt,
            i.HoldUntil,
            IncidentLifecycle.IsPending(i.Status) ? Math.Max(0, Math.Round((i.HoldUntil - now).TotalSeconds, 1)) : 0,
            i.Facts.Category,
            i.Facts.Severity,
            i.Facts.Location.Country,
            i.Facts.Location.Place,
            i.Facts.Summary,
            i.ReportCount,
            i.Reporters.Count,
            i.Corroborations,
            i.Facts.Exercise,
            entry.ConfirmationRequired);
    }
}
