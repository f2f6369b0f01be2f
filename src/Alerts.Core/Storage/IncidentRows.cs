namespace Alerts.Core.Storage;

/// <summary>Row keys inside an incident's partition.</summary>
public static class IncidentRows
{
    public const string Incident = "incident";
    public const string ReportPrefix = "report|";
    public const string TimelinePrefix = "timeline|";
    public const string VersionPrefix = "version|";

    public static string Report(string reporterId, string reportId) => $"{ReportPrefix}{reporterId}|{reportId}";

    public static string Timeline(int sequence) => $"{TimelinePrefix}{sequence:D6}";

    /// <summary>The facts as sent at a version: what subscribers were told, kept unchanged.</summary>
    public static string Version(int version) => $"{VersionPrefix}{version:D6}";
}
