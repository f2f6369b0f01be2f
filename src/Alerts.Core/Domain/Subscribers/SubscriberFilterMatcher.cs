using Alerts.Core.Domain.Areas;
using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Domain.Subscribers;

/// <summary>
/// Does a subscriber want this incident? Empty lists match everything. Its place matches when no countries and no
/// area are set, when its country is listed, or when the incident's area or point reaches into the area of interest.
/// </summary>
public static class SubscriberFilterMatcher
{
    public static bool Matches(SubscriberFilter filter, IncidentFacts facts) =>
        InPlace(filter, facts) &&
        facts.Severity >= filter.MinimumSeverity &&
        (filter.Categories.Count == 0 || filter.Categories.Contains(facts.Category, StringComparer.Ordinal));

    private static bool InPlace(SubscriberFilter filter, IncidentFacts facts) =>
        (filter.Countries.Count == 0 && filter.Area is null) ||
        filter.Countries.Contains(facts.Location.Country, StringComparer.Ordinal) ||
        (filter.Area is { } interest && AreaGeometry.Reaches(interest, facts.Area, new GeoPoint(facts.Location.Lat, facts.Location.Lon)));
}
