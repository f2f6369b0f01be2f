using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Pipeline.Transitions;

/// <summary>
/// What a decision about an incident came to: a change to write, with the result it has once written, or a result
/// without a write (nothing to do, or a refusal). Decisions are pure: the incident and the request in, this out.
/// Made by <see cref="Decide"/>.
/// </summary>
public sealed record Decision<TResult>(IncidentChange? Change, TResult Result);
