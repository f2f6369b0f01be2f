using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Pipeline.Transitions;

/// <summary>An incident as a caller has just read it (null: it does not exist), so a transition can start from it.</summary>
public sealed record IncidentRead(Incident? Incident);
