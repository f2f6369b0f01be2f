using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Domain.Subscribers;

/// <summary>Does a subscriber want this incident? Empty lists match everything.</summary>
public static class SubscriberFilterMatcher
{
    public static bool Matches(SubscriberFilter filter, IncidentFacts facts) =>
        (filter.Countries.Count == 0 || filter.Countries.Contains(facts.Location.Country, StringComparer.Ordinal)) &&
        facts.Severity >= filter.MinimumSeverity &&
        (filter.Categories.Count == 0 || filter.Categories.Contains(facts.Category, StringComparer.Ordinal));
}
