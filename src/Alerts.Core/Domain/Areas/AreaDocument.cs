using System.Text.Json;

namespace Alerts.Core.Domain.Areas;

/// <summary>
/// An area as JSON carries it, GeoJSON-style (RFC 7946 positions are [lon, lat]):
/// <c>{"type":"Circle","coordinates":[lon,lat],"radiusKm":5}</c>, <c>{"type":"Polygon","coordinates":[[[lon,lat],…]]}</c>
/// (one closed ring), or <c>{"type":"GeometryCollection","geometries":[…]}</c> of those; with optional
/// <c>description</c> and <c>geocodes</c> as foreign members. Every member is nullable so that the validator names
/// what is missing; <see cref="AreaValidator"/> turns it into an <see cref="IncidentArea"/>.
/// </summary>
public sealed class AreaDocument
{
    public const string Circle = "Circle";
    public const string Polygon = "Polygon";
    public const string Collection = "GeometryCollection";

    public string? Type { get; set; }

    public JsonElement? Coordinates { get; set; }

    public double? RadiusKm { get; set; }

    public List<AreaDocument>? Geometries { get; set; }

    public string? Description { get; set; }

    public List<Geocode>? Geocodes { get; set; }
}
