namespace Alerts.Core.Domain.Incidents;

/// <summary>The allowed status transitions, in one place.</summary>
public static class IncidentLifecycle
{
    private static readonly Dictionary<IncidentStatus, IncidentStatus[]> Allowed = new()
    {
        [IncidentStatus.Held] = [IncidentStatus.Released, IncidentStatus.Retracted, IncidentStatus.AwaitingConfirmation, IncidentStatus.Contested],
        [IncidentStatus.Contested] = [IncidentStatus.Released, IncidentStatus.Retracted, IncidentStatus.AwaitingConfirmation, IncidentStatus.Contested],
        [IncidentStatus.AwaitingConfirmation] = [IncidentStatus.Released, IncidentStatus.Retracted, IncidentStatus.AwaitingConfirmation],
        [IncidentStatus.Released] = [IncidentStatus.Updated, IncidentStatus.Cancelled],
        [IncidentStatus.Updated] = [IncidentStatus.Updated, IncidentStatus.Cancelled],
        [IncidentStatus.Cancelled] = [],
        [IncidentStatus.Retracted] = [],
    };

    public static bool CanMove(IncidentStatus from, IncidentStatus to) => Allowed[from].Contains(to);

    /// <summary>True while subscribers have not been told anything yet.</summary>
    public static bool IsPending(IncidentStatus status) =>
        status is IncidentStatus.Held or IncidentStatus.Contested or IncidentStatus.AwaitingConfirmation;

    /// <summary>True once subscribers have been told and corrections go to them.</summary>
    public static bool IsIssued(IncidentStatus status) =>
        status is IncidentStatus.Released or IncidentStatus.Updated;

    /// <summary>True while a hold is running that will end in a release decision.</summary>
    public static bool IsHolding(IncidentStatus status) =>
        status is IncidentStatus.Held or IncidentStatus.Contested;
}
