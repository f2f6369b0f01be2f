using System.Text.Json;

namespace Alerts.Core.Domain.Incidents;

/// <summary>A report as stored against its incident: who sent it, their id for it, and when it came in.</summary>
public sealed record ReportRecord(string ReporterId, string ReportId, DateTimeOffset ReceivedAt, string Body)
{
    /// <summary>
    /// The facts the report asserted, as filed (with the reporter's default grading where it carried none); null when
    /// the body is not the facts' JSON, so a body kept in another form never breaks reading the incident.
    /// </summary>
    public IncidentFacts? Facts()
    {
        try
        {
            return JsonSerializer.Deserialize<IncidentFacts>(Body, AlertsJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
