using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>The incident a report landed in, and what the report did to it.</summary>
public sealed record IntakeResult(Incident Incident, IntakeOutcome Outcome)
{
    public bool Created => Outcome == IntakeOutcome.Opened;
}
