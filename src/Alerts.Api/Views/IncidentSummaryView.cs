using Alerts.Core.Domain.Incidents;

namespace Alerts.Api.Views;

/// <summary>One line of the analysts' board.</summary>
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
    string Summary)
{
    public static IncidentSummaryView From(Incident i, DateTimeOffset now) => new(
        i.Id,
        i.Status,
        i.ReceivedAt,
        i.HoldUntil,
        IncidentLifecycle.IsPending(i.Status) ? Math.Max(0, Math.Round((i.HoldUntil - now).TotalSeconds, 1)) : 0,
        i.Facts.Category,
        i.Facts.Severity,
        i.Facts.Location.Country,
        i.Facts.Location.Place,
        i.Facts.Summary);
}
