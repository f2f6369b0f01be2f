namespace Alerts.Core.Storage;

/// <summary>How claiming a report went.</summary>
public enum ClaimStatus
{
    /// <summary>Claimed by this request (and, for a new incident, filed in its area).</summary>
    Claimed,

    /// <summary>An earlier request claimed this report: <see cref="ClaimResult.IncidentId"/> owns it.</summary>
    Taken,

    /// <summary>An area around the event changed since it was read (someone filed an incident there): look again.</summary>
    AreaChanged,
}

public sealed record ClaimResult(ClaimStatus Status, string? IncidentId);
