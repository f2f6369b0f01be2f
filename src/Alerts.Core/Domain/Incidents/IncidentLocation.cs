namespace Alerts.Core.Domain.Incidents;

/// <summary>Where it happened: ISO 3166 alpha-2 country, a place name and WGS84 coordinates.</summary>
public sealed record IncidentLocation(string Country, string Place, double Lat, double Lon);
