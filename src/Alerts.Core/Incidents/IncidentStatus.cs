namespace Alerts.Core.Incidents;

/// <summary>Where an incident is in its lifecycle; see <see cref="IncidentLifecycle"/> for the allowed moves.</summary>
public enum IncidentStatus
{
    Held,
    AwaitingConfirmation,
    Released,
    Updated,
    Cancelled,
    Retracted,
}
