namespace Alerts.Core.Domain.Incidents;

/// <summary>Where an incident is in its lifecycle; see <see cref="IncidentLifecycle"/> for the allowed moves.</summary>
public enum IncidentStatus
{
    Held,

    /// <summary>Held, and a report contradicts its key facts: the hold was extended and analysts were told.</summary>
    Contested,

    /// <summary>The hold ended but the category needs an analyst's confirmation; analysts were told, subscribers not.</summary>
    AwaitingConfirmation,
    Released,
    Updated,
    Cancelled,
    Retracted,
}
