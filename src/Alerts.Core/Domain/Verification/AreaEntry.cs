using System.Text.Json.Serialization;
using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Domain.Verification;

/// <summary>An open incident as the correlator files it: just what decides whether a report may be about it.</summary>
public sealed record AreaEntry(
    [property: JsonPropertyName("i")] string IncidentId,
    [property: JsonPropertyName("a")] double Lat,
    [property: JsonPropertyName("o")] double Lon,
    [property: JsonPropertyName("t")] DateTimeOffset OccurredAt,
    [property: JsonPropertyName("r")] DateTimeOffset ReceivedAt,
    [property: JsonPropertyName("c")] string Category,
    [property: JsonPropertyName("x")] bool Exercise)
{
    public static AreaEntry Of(string incidentId, IncidentFacts facts, DateTimeOffset receivedAt) =>
        new(incidentId, facts.Location.Lat, facts.Location.Lon, facts.OccurredAt, receivedAt, facts.Category, facts.Exercise);

    public static AreaEntry Of(Incident incident) => Of(incident.Id, incident.Facts, incident.ReceivedAt);
}
