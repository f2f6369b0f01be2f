using Alerts.Core.Domain;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Queries;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api.Views;

/// <summary>An incident as the API shows it: facts, status, hold, reports and timeline.</summary>
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
    IReadOnlyList<string> Reporters)
{
    /// <summary>The incident as JSON, with its ETag (what analysts see) for an If-Match.</summary>
    public static IResult Result(IncidentDetails details, HttpRequest request)
    {
        request.HttpContext.Response.Headers.ETag = ETags.ToHttp(details.Incident.ContentTag);
        return Results.Json(From(details), AlertsJson.Options);
    }

    public static IncidentView From(IncidentDetails record)
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
            record.Reports.Select(r => new ReportView(r.ReporterId, r.ReportId, r.ReceivedAt, r.Kind)).ToList(),
            record.Timeline.Select(t => new TimelineView(t.At, t.Actor.ToString(), t.Action, t.Detail)).ToList(),
            record.Deliveries,
            i.Corroborations,
            i.Reporters);
    }

    /// <summary>A filed report; <see cref="Kind"/> tells a report from its reporter's amendment or withdrawal (CAP Update, Cancel).</summary>
    public sealed record ReportView(string ReporterId, string ReportId, DateTimeOffset ReceivedAt, string Kind);

    public sealed record TimelineView(DateTimeOffset At, string Actor, string Action, string? Detail);
}
