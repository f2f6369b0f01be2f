using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Verification;
using Alerts.Core.Storage;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>
/// Finds the open incident a new report describes — same country, event times within the window, places within the
/// distance, categories the same or in one compatible group, exercise with exercise — from the correlation areas
/// around the event (<see cref="IntakeIndex"/>), then checks the nearest candidates against the incidents themselves.
/// </summary>
public sealed class Correlator(IntakeIndex index, IncidentStore incidents, IOptionsMonitor<VerificationOptions> options)
{
    /// <summary>Candidates read before giving up: more than this many retracted incidents at one spot is not a pattern to chase.</summary>
    private const int MaxCandidatesRead = 5;

    public async Task<Correlation> FindAsync(IncidentFacts facts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var openSince = now - o.OpenFor;
        var home = CorrelationArea.Of(facts, o);
        var rows = await index.ReadAsync(CorrelationArea.Around(facts, o), cancellationToken);
        var candidates = rows
            .SelectMany(r => r.Entries)
            .Where(e => e.ReceivedAt >= openSince && Matches(o, e, facts))
            .OrderBy(e => Geo.DistanceKm(e.Lat, e.Lon, facts.Location.Lat, facts.Location.Lon))
            .ThenByDescending(e => e.ReceivedAt)
            .Take(MaxCandidatesRead);
        string? pending = null;
        foreach (var candidate in candidates)
        {
            // The entry is what the incident was when filed; the incident row says what it is now.
            var incident = await incidents.FindAsync(candidate.IncidentId, cancellationToken);
            if (incident is null)
            {
                // Filed a moment ago and not written yet (or its first request crashed): the report belongs there too.
                pending ??= candidate.IncidentId;
            }
            else if (incident.Status is not (IncidentStatus.Retracted or IncidentStatus.Cancelled)
                && incident.Facts.Location.Country == facts.Location.Country
                && Matches(o, AreaEntry.Of(incident), facts))
            {
                return new Correlation(incident.Id, incident, home, rows, openSince);
            }
        }

        return new Correlation(pending, null, home, rows, openSince);
    }

    /// <summary>
    /// After an analyst changed where, when or what happened, files the incident where reports of the event will now
    /// look for it. The old entry may stay: candidates are checked against the incident itself.
    /// </summary>
    public async Task RefileAsync(Incident before, Incident after, CancellationToken cancellationToken)
    {
        var entry = AreaEntry.Of(after);
        if (entry == AreaEntry.Of(before) && before.Facts.Location.Country == after.Facts.Location.Country)
        {
            return;
        }

        var o = options.CurrentValue;
        await index.FileAsync(CorrelationArea.Of(after.Facts, o), entry, entry.ReceivedAt - o.OpenFor, cancellationToken);
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

    /// <summary>Whether a report may describe the candidate. An exercise never matches a real incident, nor the other way round.</summary>
    private static bool Matches(VerificationOptions o, AreaEntry candidate, IncidentFacts facts) =>
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
