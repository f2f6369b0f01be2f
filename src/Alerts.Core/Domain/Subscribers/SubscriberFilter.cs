using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Domain.Subscribers;

/// <summary>Which incidents a subscriber wants; an empty list means "all".</summary>
public sealed record SubscriberFilter(IReadOnlyList<string> Countries, Severity MinimumSeverity, IReadOnlyList<string> Categories)
{
    public static SubscriberFilter All { get; } = new([], Severity.Unknown, []);
}
