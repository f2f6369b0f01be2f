namespace Alerts.Core.Domain.Incidents;

/// <summary>
/// A report as stored against its incident: who sent it, their id for it, when it came in, and what it is
/// (<see cref="ReportKinds"/>: a report, or the reporter's amendment or withdrawal of an earlier one).
/// </summary>
public sealed record ReportRecord(string ReporterId, string ReportId, DateTimeOffset ReceivedAt, string Body, string Kind = ReportKinds.Report);
