using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>A report that passed validation: its id and the facts it asserts.</summary>
public sealed record ValidatedReport(string ReportId, IncidentFacts Facts);
