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

    /// <summary>
    /// Whether a change may take an incident from <paramref name="from"/> (null: it does not exist yet) to
    /// <paramref name="to"/>: a new incident starts held; a change that keeps the status (facts, hold, bookkeeping)
    /// is always possible; a move must be one of <see cref="CanMove"/>.
    /// </summary>
    public static bool Permits(IncidentStatus? from, IncidentStatus to) =>
        from is { } status ? status == to || CanMove(status, to) : to == IncidentStatus.Held;

    /// <summary>True once nothing can change any more (retracted, cancelled).</summary>
    public static bool IsFinal(IncidentStatus status) => Allowed[status].Length == 0;

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
