namespace Alerts.Core.Domain.Areas;

/// <summary>A WGS84 position in degrees: latitude −90…90, longitude −180…180.</summary>
public sealed record GeoPoint(double Lat, double Lon);
