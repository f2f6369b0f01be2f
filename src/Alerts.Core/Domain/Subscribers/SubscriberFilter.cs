using Alerts.Core.Domain.Areas;
using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Domain.Subscribers;

/// <summary>
/// Which incidents a subscriber wants; an empty list means "all". Where: <see cref="Countries"/> and an area of
/// interest (<see cref="Area"/>) add up — an incident in one of the countries, or reaching into the area, is wanted;
/// neither given means anywhere.
/// </summary>
public sealed record SubscriberFilter(IReadOnlyList<string> Countries, Severity MinimumSeverity, IReadOnlyList<string> Categories, IncidentArea? Area = null)
{
    public static SubscriberFilter All { get; } = new([], Severity.Unknown, []);
}
