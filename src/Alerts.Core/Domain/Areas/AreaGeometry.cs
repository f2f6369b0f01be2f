using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Alerts.Core.Domain.Areas;

/// <summary>
/// The geometry of areas, with NetTopologySuite. Polygons are planar in (longitude, latitude) — their edges straight in
/// degrees, as CAP draws them — with longitudes unwrapped around the antimeridian; circles are exact on the sphere:
/// circle against point or circle by great-circle distance, circle against polygon in the azimuthal equidistant
/// projection around the circle's centre (exact distances from it), so circles stay round at high latitudes.
/// A shape's edge belongs to it: touching counts as intersecting, to within <see cref="EdgeToleranceKm"/>.
/// </summary>
public static class AreaGeometry
{
    /// <summary>How close counts as touching: far below any position a reporter can give, above rounding.</summary>
    public const double EdgeToleranceKm = 0.01;

    /// <summary>Polygon edges are cut into pieces this long before a circle is measured against them.</summary>
    private const double DensifyStepKm = 2;

    private const int MaxPiecesPerEdge = 2000;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>
    /// The point correlation and point filters use: the centre of the area's first shape (a circle's centre; a polygon's
    /// centroid, or a point inside it when the centroid falls outside, as for an L-shaped polygon).
    /// </summary>
    public static GeoPoint CorrelationPoint(IncidentArea area) => area.Shapes[0] switch
    {
        AreaCircle circle => circle.Center,
        AreaPolygon polygon => PolygonPoint(polygon),
        _ => throw new ArgumentException("Unknown shape.", nameof(area)),
    };

    /// <summary>Whether the area, or the point, lies at least partly in the area of <paramref name="interest"/>.</summary>
    public static bool Reaches(IncidentArea interest, IncidentArea? area, GeoPoint point)
    {
        var at = new AreaCircle(point, 0);
        return interest.Shapes.Any(wanted => Intersects(wanted, at) || (area?.Shapes.Any(shape => Intersects(wanted, shape)) ?? false));
    }

    /// <summary>Whether two shapes share at least one point (edges included).</summary>
    public static bool Intersects(AreaShape a, AreaShape b) => (a, b) switch
    {
        (AreaCircle x, AreaCircle y) => Sphere.DistanceKm(x.Center, y.Center) <= x.RadiusKm + y.RadiusKm + EdgeToleranceKm,
        (AreaCircle circle, AreaPolygon polygon) => Meets(circle, polygon),
        (AreaPolygon polygon, AreaCircle circle) => Meets(circle, polygon),
        (AreaPolygon p, AreaPolygon q) => Planar(p, p.Ring[0].Lon).Intersects(Planar(q, p.Ring[0].Lon)),
        _ => throw new ArgumentException("Unknown shape."),
    };

    /// <summary>What is wrong with a polygon's ring as a surface (crossing edges, no area), or null.</summary>
    public static string? SurfaceProblem(AreaPolygon polygon)
    {
        var planar = Planar(polygon, polygon.Ring[0].Lon);
        var check = new IsValidOp(planar);
        if (!check.IsValid)
        {
            var error = check.ValidationError;
            return $"is not a simple polygon: {error.Message.ToLowerInvariant()} near lat {error.Coordinate.Y:0.#####}, lon {Sphere.WrapLongitude(error.Coordinate.X):0.#####}.";
        }

        return planar.Area > 0 ? null : "has no area: its points lie on one line.";
    }

    /// <summary>
    /// The ring's longitudes unwrapped edge by edge, starting within 180° of <paramref name="referenceLon"/>. A ring that
    /// goes once round a pole does not close again; <see cref="EnclosesPole"/> tells.
    /// </summary>
    private static double[] Longitudes(AreaPolygon polygon, double referenceLon)
    {
        var ring = polygon.Ring;
        var lons = new double[ring.Count];
        lons[0] = referenceLon + Sphere.WrapLongitude(ring[0].Lon - referenceLon);
        for (var i = 1; i < ring.Count; i++)
        {
            lons[i] = lons[i - 1] + Sphere.WrapLongitude(ring[i].Lon - ring[i - 1].Lon);
        }

        return lons;
    }

    /// <summary>True when the ring, unwrapped, ends a full turn away from where it started: it goes round a pole.</summary>
    public static bool EnclosesPole(AreaPolygon polygon)
    {
        var lons = Longitudes(polygon, polygon.Ring[0].Lon);
        return Math.Abs(lons[^1] - lons[0]) > 1e-9;
    }

    private static Polygon Planar(AreaPolygon polygon, double referenceLon)
    {
        var lons = Longitudes(polygon, referenceLon);
        var coordinates = polygon.Ring.Select((p, i) => new Coordinate(lons[i], p.Lat)).ToArray();
        coordinates[^1] = coordinates[0].Copy();
        return Factory.CreatePolygon(coordinates);
    }

    private static Point PlanarPoint(GeoPoint point, double referenceLon) =>
        Factory.CreatePoint(new Coordinate(referenceLon + Sphere.WrapLongitude(point.Lon - referenceLon), point.Lat));

    private static bool Meets(AreaCircle circle, AreaPolygon polygon)
    {
        var reference = polygon.Ring[0].Lon;
        if (Planar(polygon, reference).Covers(PlanarPoint(circle.Center, reference)))
        {
            return true;
        }

        return BoundaryAround(circle.Center, polygon).Distance(Factory.CreatePoint(new Coordinate(0, 0))) <= circle.RadiusKm + EdgeToleranceKm;
    }

    /// <summary>The polygon's edges, cut into short pieces, on the plane around <paramref name="center"/> (km).</summary>
    private static LineString BoundaryAround(GeoPoint center, AreaPolygon polygon)
    {
        var lons = Longitudes(polygon, center.Lon);
        var ring = polygon.Ring;
        var points = new List<Coordinate>();
        for (var i = 0; i + 1 < ring.Count; i++)
        {
            var length = Sphere.DistanceKm(ring[i].Lat, lons[i], ring[i + 1].Lat, lons[i + 1]);
            var pieces = Math.Clamp((int)Math.Ceiling(length / DensifyStepKm), 1, MaxPiecesPerEdge);
            for (var k = 0; k < pieces; k++)
            {
                var t = (double)k / pieces;
                var (x, y) = Sphere.Project(center, ring[i].Lat + (t * (ring[i + 1].Lat - ring[i].Lat)), lons[i] + (t * (lons[i + 1] - lons[i])));
                points.Add(new Coordinate(x, y));
            }
        }

        var (lastX, lastY) = Sphere.Project(center, ring[^1].Lat, lons[^1]);
        points.Add(new Coordinate(lastX, lastY));
        return Factory.CreateLineString(points.ToArray());
    }

    private static GeoPoint PolygonPoint(AreaPolygon polygon)
    {
        var planar = Planar(polygon, polygon.Ring[0].Lon);
        var centroid = planar.Centroid;
        var point = planar.Covers(centroid) ? centroid : planar.InteriorPoint;
        return new GeoPoint(Math.Round(point.Y, 6), Math.Round(Sphere.WrapLongitude(point.X), 6));
    }
}
