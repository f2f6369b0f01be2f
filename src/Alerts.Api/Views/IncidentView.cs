using Alerts.Core.Domain;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Queries;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api.Views;

/// <summary>
/// An incident as the API shows it: facts, status, hold, reports and timeline. Each report's own facts are shown to
/// analysts and admins only: a reporter sees the incident, not what other reporting systems told the service.
/// </summary>
public sealed record IncidentView(
    string IncidentId,
    IncidentStatus Status,
    int Version,
    DateTimeOffset ReceivedAt,
    DateTimeOffset HoldUntil,
    string HoldReason,
    DateTimeOffset? ReleasedAt,
    IncidentFacts Facts,
    IReadOnlyList<IncidentView.ReportView> Reports,
    IReadOnlyList<IncidentView.TimelineView> Timeline,
    DeliveryCounts Deliveries,
    int Corroborations,
    IReadOnlyList<string> Reporters,
    bool ConfirmationRequired)
{
    /// <summary>The incident as JSON, with its ETag (what analysts see) for an If-Match.</summary>
    public static IResult Result(IncidentDetails details, HttpRequest request, bool withReportFacts)
    {
        request.HttpContext.Response.Headers.ETag = ETags.ToHttp(details.Incident.ContentTag);
        return Results.Json(From(details, withReportFacts), AlertsJson.Options);
    }

    public static IncidentView From(IncidentDetails record, bool withReportFacts)
    {
        var i = record.Incident;
        return new IncidentView(
            i.Id,
            i.Status,
            i.Version,
            i.ReceivedAt,
            i.HoldUntil,
            i.HoldReason,
            i.ReleasedAt,
            i.Facts,
            record.Reports.Select(r => new ReportView(r.ReporterId, r.ReportId, r.ReceivedAt, r.Kind, withReportFacts ? r.Facts() : null)).ToList(),
            record.Timeline.Select(t => new TimelineView(t.At, t.Actor.ToString(), t.Action, t.Detail)).ToList(),
            record.Deliveries,
            i.Corroborations,
            i.Reporters,
            record.ConfirmationRequired);
    }

    /// <summary>
    /// A filed report; <see cref="Kind"/> tells a report from its reporter's amendment or withdrawal (CAP Update, Cancel),
    /// and <see cref="Facts"/> is what it asserted (analysts and admins only; none for a withdrawal).
    /// </summary>
    public sealed record ReportView(string ReporterId, string ReportId, DateTimeOffset ReceivedAt, string Kind, IncidentFacts? Facts);

    public sealed record TimelineView(DateTimeOffset At, string Actor, string Action, string? Detail);
}
