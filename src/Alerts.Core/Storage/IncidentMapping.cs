using System.Text.Json;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Incidents;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Core.Storage;

/// <summary>Converts between the incident aggregate and the rows of its partition.</summary>
internal static class IncidentMapping
{
    public static TableEntity ToRow(Incident incident) => new(incident.Id, IncidentRows.Incident)
    {
        ETag = string.IsNullOrEmpty(incident.ETag) ? default : new ETag(incident.ETag),
        ["Status"] = incident.Status.ToString(),
        ["Version"] = incident.Version,
        ["Facts"] = JsonSerializer.Serialize(incident.Facts, AlertsJson.Options),
        ["ReporterId"] = incident.ReporterId,
        ["ReceivedAt"] = incident.ReceivedAt,
        ["HoldUntil"] = incident.HoldUntil,
        ["HoldReason"] = incident.HoldReason,
        ["ReleasedAt"] = incident.ReleasedAt,
        ["TimelineCount"] = incident.TimelineCount,
        ["FanoutPending"] = incident.FanoutPending,
        ["NoticeCount"] = incident.NoticeCount,
        ["LastPublicNotice"] = incident.LastPublicNotice,
        ["FanoutNotice"] = incident.FanoutNotice,
        ["FanoutDone"] = incident.FanoutDone,
        ["Corroborations"] = incident.Corroborations,
        ["Reporters"] = incident.ReporterList,
        ["ReviewPending"] = incident.ReviewPending,
        ["LastReview"] = incident.LastReview,
        ["LastReviewAt"] = incident.LastReviewAt,
        ["LastChange"] = incident.LastChange,
        ["AnalystAmended"] = incident.AnalystAmended,
        ["ReportCount"] = incident.ReportCount,

        // Copies of facts kept as columns so that table queries can filter on them.
        ["OccurredAt"] = incident.Facts.OccurredAt,
        ["Country"] = incident.Facts.Location.Country,
        ["Category"] = incident.Facts.Category,
        ["Severity"] = incident.Facts.Severity.ToString(),
    };

    public static Incident ToIncident(TableEntity row) => new(
        row.PartitionKey,
        Enum.Parse<IncidentStatus>(row.GetString("Status")),
        row.GetInt32("Version") ?? 1,
        JsonSerializer.Deserialize<IncidentFacts>(row.GetString("Facts"), AlertsJson.Options)!,
        row.GetString("ReporterId"),
        row.GetDateTimeOffset("ReceivedAt")!.Value,
        row.GetDateTimeOffset("HoldUntil")!.Value,
        row.GetString("HoldReason") ?? string.Empty,
        row.GetDateTimeOffset("ReleasedAt"),
        row.GetInt32("TimelineCount") ?? 0,
        row.ETag.ToString(),
        row.GetBoolean("FanoutPending") ?? false,
        row.GetInt32("NoticeCount") ?? 0,
        row.GetInt32("LastPublicNotice") ?? 0,
        row.GetInt32("FanoutNotice") ?? 0,
        row.GetBoolean("FanoutDone") ?? true,
        row.GetInt32("Corroborations") ?? 0,
        row.GetString("Reporters") ?? row.GetString("ReporterId") ?? string.Empty,
        row.GetBoolean("ReviewPending") ?? false,
        row.GetInt32("LastReview") ?? 0,
        row.GetDateTimeOffset("LastReviewAt"),
        row.GetString("LastChange"),
        row.GetBoolean("AnalystAmended") ?? false,
        row.GetInt32("ReportCount") ?? ReportsBeforeCounting(row));

    /// <summary>Rows written before reports were counted: at least one report per reporter.</summary>
    private static int ReportsBeforeCounting(TableEntity row) =>
        Math.Max(1, (row.GetString("Reporters") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Length);

    public static TableEntity ToRow(string incidentId, IssuedNotice notice) => new(incidentId, IncidentRows.Notice(notice.Number))
    {
        ["Number"] = notice.Number,
        ["Type"] = notice.Type,
        ["Audience"] = notice.Audience.ToString(),
        ["Version"] = notice.Version,
        ["Facts"] = JsonSerializer.Serialize(notice.Facts, AlertsJson.Options),
        ["IssuedAt"] = notice.IssuedAt,
        ["References"] = notice.References,
        ["Reason"] = notice.Reason,
    };

    public static IssuedNotice ToNotice(TableEntity row) => new(
        row.GetInt32("Number") ?? 1,
        row.GetString("Type"),
        Enum.Parse<NoticeAudience>(row.GetString("Audience") ?? nameof(NoticeAudience.Subscribers)),
        row.GetInt32("Version") ?? 1,
        JsonSerializer.Deserialize<IncidentFacts>(row.GetString("Facts"), AlertsJson.Options)!,
        row.GetDateTimeOffset("IssuedAt")!.Value,
        row.GetInt32("References"),
        row.GetString("Reason"));

    public static TableEntity ToRow(string incidentId, TimelineEntry entry) => new(incidentId, IncidentRows.Timeline(entry.Sequence))
    {
        ["Sequence"] = entry.Sequence,
        ["At"] = entry.At,
        ["Actor"] = entry.Actor.ToString(),
        ["Action"] = entry.Action,
        ["Detail"] = entry.Detail,
    };

    public static TimelineEntry ToTimelineEntry(TableEntity row) => new(
        row.GetInt32("Sequence") ?? 0,
        row.GetDateTimeOffset("At")!.Value,
        Actor.Parse(row.GetString("Actor")),
        row.GetString("Action"),
        row.GetString("Detail"));

    public static TableEntity ToRow(string incidentId, ReportRecord report) => new(incidentId, IncidentRows.Report(report.ReporterId, report.ReportId))
    {
        ["ReporterId"] = report.ReporterId,
        ["ReportId"] = report.ReportId,
        ["ReceivedAt"] = report.ReceivedAt,
        ["Body"] = report.Body,
        ["Kind"] = report.Kind,
    };

    public static ReportRecord ToReport(TableEntity row) => new(
        row.GetString("ReporterId"),
        row.GetString("ReportId"),
        row.GetDateTimeOffset("ReceivedAt")!.Value,
        row.GetString("Body"),
        row.GetString("Kind") ?? ReportKinds.Report);
}
