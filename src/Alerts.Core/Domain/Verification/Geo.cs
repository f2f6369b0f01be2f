using Alerts.Core.Domain.Areas;

namespace Alerts.Core.Domain.Verification;

/// <summary>Great-circle distance on a spherical Earth: good to well under 1 % at the distances correlation uses.</summary>
public static class Geo
{
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2) => Sphere.DistanceKm(lat1, lon1, lat2, lon2);
}
