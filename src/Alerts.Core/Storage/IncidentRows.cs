namespace Alerts.Core.Storage;

/// <summary>Row keys inside an incident's partition.</summary>
public static class IncidentRows
{
    public const string Incident = "incident";
    public const string ReportPrefix = "report|";
    public const string TimelinePrefix = "timeline|";
    public const string NoticePrefix = "notice|";

    public static string Report(string reporterId, string reportId) => $"{ReportPrefix}{reporterId}|{reportId}";

    public static string Timeline(int sequence) => $"{TimelinePrefix}{sequence:D6}";

    /// <summary>An issued notice: what was sent, to whom, kept unchanged.</summary>
    public static string Notice(int number) => $"{NoticePrefix}{number:D6}";
}
