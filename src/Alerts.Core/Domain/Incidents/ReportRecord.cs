namespace Alerts.Core.Domain.Incidents;

/// <summary>A report as stored against its incident: who sent it, their id for it, and when it came in.</summary>
public sealed record ReportRecord(string ReporterId, string ReportId, DateTimeOffset ReceivedAt, string Body);
