namespace Alerts.Core.Domain.Incidents;

/// <summary>CAP 1.2 urgency: how soon responsive action should be taken.</summary>
public enum Urgency
{
    Unknown = 0,
    Past = 1,
    Future = 2,
    Expected = 3,
    Immediate = 4,
}
