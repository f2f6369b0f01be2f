using System.Text.Json;

namespace Alerts.Core.Domain.Incidents;

/// <summary>
/// A report as stored against its incident: who sent it, their id for it, when it came in, and what it is
/// (<see cref="ReportKinds"/>: a report, or the reporter's amendment or withdrawal of an earlier one).
/// </summary>
public sealed record ReportRecord(string ReporterId, string ReportId, DateTimeOffset ReceivedAt, string Body, string Kind = ReportKinds.Report)
{
    /// <summary>
    /// The facts the report (or amendment) asserted, as filed (with the reporter's default grading where it carried
    /// none); null for a withdrawal, and when the body is not the facts' JSON, so a body kept in another form never
    /// breaks reading the incident.
    /// </summary>
    public IncidentFacts? Facts()
    {
        if (Kind == ReportKinds.Withdrawal)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<IncidentFacts>(Body, AlertsJson.Options) is { Location: not null, Category: not null, Summary: not null } facts ? facts : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
