using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Pipeline.Transitions;

/// <summary>
/// How a transition ended, the decision's result, and the incident: as written (<see cref="TransitionStatus.Written"/>)
/// or as last read (null when it does not exist).
/// </summary>
public sealed record Transition<TResult>(TransitionStatus Status, TResult? Result, Incident? Incident);
