using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Pipeline.Decisions;

/// <summary>An analyst decision's status, the incident after it, and what was wrong when it was refused.</summary>
public sealed record DecisionResult(DecisionStatus Status, Incident? Incident, string? Problem = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static DecisionResult NotFound { get; } = new(DecisionStatus.NotFound, null);

    public static DecisionResult NotAllowed(Incident incident, string why) => new(DecisionStatus.NotAllowed, incident, why);
}
