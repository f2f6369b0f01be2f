namespace Alerts.Core.Storage;

/// <summary>The tables the service keeps its state in.</summary>
public static class TableNames
{
    /// <summary>One partition per incident: the incident row, its reports and its timeline.</summary>
    public const string Incidents = "incidents";

    /// <summary>(reporter, reportId) → incident id: makes intake idempotent.</summary>
    public const string ReportClaims = "reportclaims";

    public static IReadOnlyList<string> All { get; } = [Incidents, ReportClaims];
}
