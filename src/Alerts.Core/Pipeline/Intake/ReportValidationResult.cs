namespace Alerts.Core.Pipeline.Intake;

/// <summary>Either a valid report or the errors per field (JSON paths such as <c>location.lat</c>).</summary>
public sealed record ReportValidationResult(ValidatedReport? Report, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Report is not null;
}
