using Alerts.Core.Incidents;

namespace Alerts.Core.Intake;

/// <summary>A report that passed validation: its id and the facts it asserts.</summary>
public sealed record ValidatedReport(string ReportId, IncidentFacts Facts);
