namespace Alerts.Core.Domain.Incidents;

/// <summary>CAP 1.2 severity, most severe first so that comparisons read naturally.</summary>
public enum Severity
{
    Unknown = 0,
    Minor = 1,
    Moderate = 2,
    Severe = 3,
    Extreme = 4,
}
