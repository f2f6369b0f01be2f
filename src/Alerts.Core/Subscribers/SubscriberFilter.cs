using Alerts.Core.Incidents;

namespace Alerts.Core.Subscribers;

/// <summary>Which incidents a subscriber wants; an empty list means "all".</summary>
public sealed record SubscriberFilter(IReadOnlyList<string> Countries, Severity MinimumSeverity, IReadOnlyList<string> Categories)
{
    public static SubscriberFilter All { get; } = new([], Severity.Unknown, []);
}
