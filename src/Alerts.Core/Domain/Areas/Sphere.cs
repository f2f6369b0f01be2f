namespace Alerts.Core.Domain.Areas;

/// <summary>
/// The Earth as a sphere: great-circle distance (good to well under 1 % at regional distances) and the azimuthal
/// equidistant projection around a point, in which every distance from that point is exact.
/// </summary>
public static class Sphere
{
    public const double EarthRadiusKm = 6371.0088;

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static double DistanceKm(GeoPoint a, GeoPoint b) => DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon);

    /// <summary>(x east, y north) in km of <paramref name="lat"/>, <paramref name="lon"/> on the plane around <paramref name="center"/>.</summary>
    public static (double X, double Y) Project(GeoPoint center, double lat, double lon)
    {
        var distance = DistanceKm(center.Lat, center.Lon, lat, lon);
        if (distance == 0)
        {
            return (0, 0);
        }

        var phi0 = Radians(center.Lat);
        var phi = Radians(lat);
        var dLon = Radians(lon - center.Lon);
        var azimuth = Math.Atan2(Math.Sin(dLon) * Math.Cos(phi), (Math.Cos(phi0) * Math.Sin(phi)) - (Math.Sin(phi0) * Math.Cos(phi) * Math.Cos(dLon)));
        return (distance * Math.Sin(azimuth), distance * Math.Cos(azimuth));
    }

    /// <summary>The same meridian as <paramref name="lon"/>, in the range (−180, 180].</summary>
    public static double WrapLongitude(double lon)
    {
        var wrapped = ((lon + 180) % 360 + 360) % 360 - 180;
        return wrapped == -180 ? 180 : wrapped;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
