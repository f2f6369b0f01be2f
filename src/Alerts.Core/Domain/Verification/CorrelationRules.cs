using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Domain.Verification;

/// <summary>When two accounts may be of one event, and on which key facts they disagree.</summary>
public static class CorrelationRules
{
    /// <summary>Key facts on which two accounts of one event disagree: the category, the attributed actor.</summary>
    public static List<string> Conflicts(IncidentFacts current, IncidentFacts incoming)
    {
        var conflicts = new List<string>();
        if (current.Category != incoming.Category)
        {
            conflicts.Add($"category {incoming.Category} vs {current.Category}");
        }

        if (current.Attribution is { } a && incoming.Attribution is { } b && !string.Equals(a.Actor, b.Actor, StringComparison.OrdinalIgnoreCase))
        {
            conflicts.Add($"attributed to {b.Actor} vs {a.Actor}");
        }

        return conflicts;
    }

    /// <summary>
    /// Whether a report may describe the filed incident: event times within the window, places within the distance,
    /// categories the same or in one compatible group. An exercise never matches a real incident, nor the other way round.
    /// </summary>
    public static bool Matches(VerificationOptions o, AreaEntry candidate, IncidentFacts facts) =>
        candidate.Exercise == facts.Exercise
        && (candidate.OccurredAt - facts.OccurredAt).Duration() <= o.CorrelationWindow
        && Compatible(o, candidate.Category, facts.Category)
        && Geo.DistanceKm(candidate.Lat, candidate.Lon, facts.Location.Lat, facts.Location.Lon) <= o.CorrelationDistanceKm;

    private static bool Compatible(VerificationOptions o, string a, string b) =>
        a == b || o.CompatibleCategories.Any(group =>
        {
            var members = group.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return members.Contains(a) && members.Contains(b);
        });
}
