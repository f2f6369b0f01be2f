namespace Alerts.Core.Domain.Areas;

/// <summary>
/// A polygon given by one closed ring (first point = last point, at least four points). Edges are straight lines in
/// latitude and longitude, as CAP 1.2 producers and most maps draw them; an edge crossing the antimeridian takes the
/// short way round (179° to −179° is 2°, not 358°).
/// </summary>
public sealed record AreaPolygon(IReadOnlyList<GeoPoint> Ring) : AreaShape;
