using Alerts.Core.Incidents;
using Alerts.Core.Storage;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Verification;

/// <summary>
/// Finds the open incident a new report describes — same country, event times within the window, places within the
/// distance, categories the same or in one compatible group — and says how the report relates to it.
/// </summary>
public sealed class Correlator(IncidentStore incidents, IOptionsMonitor<VerificationOptions> options)
{
    public async Task<(Incident Incident, ReportRelation Relation, string Why)?> FindAsync(IncidentFacts facts, string reporterId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var candidates = await incidents.FindNearbyAsync(
            facts.Location.Country, facts.OccurredAt - o.CorrelationWindow, facts.OccurredAt + o.CorrelationWindow, now - o.OpenFor, now, cancellationToken);
        var best = candidates
            .Where(c => c.Status is not (IncidentStatus.Retracted or IncidentStatus.Cancelled))

            // An exercise never corroborates or contests a real incident, nor the other way round.
            .Where(c => c.Facts.Exercise == facts.Exercise)
            .Where(c => Compatible(o, c.Facts.Category, facts.Category))
            .Select(c => (Incident: c, Distance: Geo.DistanceKm(c.Facts.Location.Lat, c.Facts.Location.Lon, facts.Location.Lat, facts.Location.Lon)))
            .Where(c => c.Distance <= o.CorrelationDistanceKm)
            .OrderBy(c => c.Distance)
            .ThenByDescending(c => c.Incident.ReceivedAt)
            .Select(c => c.Incident)
            .FirstOrDefault();
        if (best is null)
        {
            return null;
        }

        if (best.Reporters.Contains(reporterId))
        {
            return (best, ReportRelation.SameSource, $"same reporter {reporterId} again: not independent");
        }

        var conflicts = Conflicts(best.Facts, facts);
        return conflicts.Count > 0
            ? (best, ReportRelation.Contradicts, string.Join("; ", conflicts))
            : (best, ReportRelation.Corroborates, $"{reporterId} reports the same");
    }

    /// <summary>Key facts on which two accounts of one event disagree.</summary>
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

    private static bool Compatible(VerificationOptions o, string a, string b) =>
        a == b || o.CompatibleCategories.Any(group =>
        {
            var members = group.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return members.Contains(a) && members.Contains(b);
        });
}
