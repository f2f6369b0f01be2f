using Alerts.Core.Incidents;

namespace Alerts.Core.Intake;

/// <summary>The incident a report landed in, and what the report did to it.</summary>
public sealed record IntakeResult(Incident Incident, IntakeOutcome Outcome)
{
    public bool Created => Outcome == IntakeOutcome.Opened;
}
