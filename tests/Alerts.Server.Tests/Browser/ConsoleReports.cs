using Alerts.Core.Pipeline.Intake;
using Alerts.Testing;

namespace Alerts.Server.Tests.Browser;

/// <summary>Reports of events far enough apart (or in other countries) that the tests' incidents never correlate.</summary>
public static class ConsoleReports
{
    public static IncidentReport At(string country, string place, double lat, double lon, string category, string summary)
    {
        var report = SampleReports.Przewodow();
        report.Category = category;
        report.Location = new IncidentReport.ReportLocation { Country = country, Place = place, Lat = lat, Lon = lon };
        report.Summary = summary;
        report.Attribution = null;
        report.Casualties = null;
        return report;
    }
}
