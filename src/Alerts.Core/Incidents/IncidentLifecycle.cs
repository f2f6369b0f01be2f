namespace Alerts.Core.Incidents;

/// <summary>The allowed status transitions, in one place.</summary>
public static class IncidentLifecycle
{
    private static readonly Dictionary<IncidentStatus, IncidentStatus[]> Allowed = new()
    {
        [IncidentStatus.Held] = [IncidentStatus.Released, IncidentStatus.Retracted, IncidentStatus.AwaitingConfirmation],
        [IncidentStatus.AwaitingConfirmation] = [IncidentStatus.Released, IncidentStatus.Retracted],
        [IncidentStatus.Released] = [IncidentStatus.Updated, IncidentStatus.Cancelled],
        [IncidentStatus.Updated] = [IncidentStatus.Updated, IncidentStatus.Cancelled],
        [IncidentStatus.Cancelled] = [],
        [IncidentStatus.Retracted] = [],
    };

    public static bool CanMove(IncidentStatus from, IncidentStatus to) => Allowed[from].Contains(to);

    /// <summary>True while subscribers have not been told anything yet.</summary>
    public static bool IsPending(IncidentStatus status) =>
        status is IncidentStatus.Held or IncidentStatus.AwaitingConfirmation;
}
