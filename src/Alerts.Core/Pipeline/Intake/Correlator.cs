using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Verification;
using Alerts.Core.Storage;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>
/// Finds the open incident a new report describes — same country, event times within the window, places within the
/// distance, categories the same or in one compatible group, exercise with exercise — from the correlation areas
/// around the event (<see cref="IntakeIndex"/>), then checks the nearest candidates against the incidents themselves.
/// </summary>
public sealed partial class Correlator(IntakeIndex index, IncidentStore incidents, IOptionsMonitor<VerificationOptions> options, ILogger<Correlator> logger)
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
            .Where(e => e.ReceivedAt >= openSince && CorrelationRules.Matches(o, e, facts))
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
                && CorrelationRules.Matches(o, AreaEntry.Of(incident), facts))
            {
                return new Correlation(incident.Id, incident, home, rows, openSince);
            }
        }

        return new Correlation(pending, null, home, rows, openSince);
    }

    /// <summary>
    /// After an amendment changed where, when or what happened, files the incident where reports of the event will now
    /// look for it. The old entry may stay: candidates are checked against the incident itself. The amendment is stored
    /// already: if reports cannot find the incident at its new place, that is worth a log line, not a failed request.
    /// </summary>
    public async Task RefileAsync(Incident before, Incident after, CancellationToken cancellationToken)
    {
        var entry = AreaEntry.Of(after);
        if (entry == AreaEntry.Of(before) && before.Facts.Location.Country == after.Facts.Location.Country)
        {
            return;
        }

        var o = options.CurrentValue;
        try
        {
            await index.FileAsync(CorrelationArea.Of(after.Facts, o), entry, entry.ReceivedAt - o.OpenFor, cancellationToken);
        }
        catch (RequestFailedException e)
        {
            LogRefileFailed(e, after.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentId} was amended, but could not be filed at its new place: reports there will not find it")]
    private partial void LogRefileFailed(Exception exception, string incidentId);
}
