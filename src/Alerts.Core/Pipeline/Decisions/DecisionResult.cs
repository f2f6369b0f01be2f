using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Pipeline.Decisions;

/// <summary>An analyst decision's status, the incident after it, and what was wrong when it was refused.</summary>
public sealed record DecisionResult(DecisionStatus Status, Incident? Incident, string? Problem = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static DecisionResult NotFound { get; } = new(DecisionStatus.NotFound, null);

    public static DecisionResult NotAllowed(Incident incident, string why) => new(DecisionStatus.NotAllowed, incident, why);

    /// <summary>The request is wrong in one field (400), before or after the incident was read.</summary>
    public static DecisionResult Invalid(Incident? incident, string field, string error) =>
        new(DecisionStatus.Invalid, incident, null, new Dictionary<string, string[]> { [field] = [error] });

    /// <summary>Others kept changing the incident; nothing was written.</summary>
    public static DecisionResult Busy { get; } = new(DecisionStatus.Stale, null, "The incident kept changing; try again.");
}
