namespace Alerts.Core.Domain.Incidents;

/// <summary>CAP 1.2 certainty of the reported event.</summary>
public enum Certainty
{
    Unknown = 0,
    Unlikely = 1,
    Possible = 2,
    Likely = 3,
    Observed = 4,
}
