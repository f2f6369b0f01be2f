using System.Text.Json;
using Alerts.Core.Domain;
using Alerts.Core.Pipeline.Intake;

namespace Alerts.Testing;

/// <summary>Valid reports to start tests from; each test changes what it is about.</summary>
public static class SampleReports
{
    public static IncidentReport Przewodow(string? reportId = null, DateTimeOffset? occurredAt = null) => new()
    {
        ReportId = reportId ?? "r-" + Guid.NewGuid().ToString("N")[..12],
        OccurredAt = occurredAt ?? DateTimeOffset.UtcNow.AddMinutes(-5),
        Category = "missile-impact",
        Severity = "extreme",
        Certainty = "possible",
        Urgency = "immediate",
        Location = new IncidentReport.ReportLocation { Country = "PL", Place = "Przewodów", Lat = 50.4717, Lon = 23.9336 },
        Summary = "Missile struck a grain dryer; two killed.",
        Casualties = new IncidentReport.ReportCasualties { Killed = 2, Injured = 0 },
        Attribution = new IncidentReport.ReportAttribution { Actor = "Russian Federation", Confidence = "possible" },
        Source = new IncidentReport.ReportSource { Reliability = "C", Credibility = 3 },
    };

    /// <summary>A report of a separate event: <paramref name="index"/> degrees of latitude (~111 km) apart, so reports never correlate.</summary>
    public static IncidentReport Distinct(int index, string? reportId = null)
    {
        var report = Przewodow(reportId);
        report.Location!.Place = $"Place {index}";
        report.Location.Lat = -60 + index;
        return report;
    }

    public static string Json(IncidentReport report) => JsonSerializer.Serialize(report, AlertsJson.Options);
}
