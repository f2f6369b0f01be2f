using Alerts.Core.Incidents;

namespace Alerts.Core.Intake;

/// <summary>The incident a report landed in, and whether this request created it.</summary>
public sealed record IntakeResult(Incident Incident, bool Created);
