using System.Text.Json;
using Alerts.Core.Domain.Validation;

namespace Alerts.Core.Domain.Areas;

/// <summary>
/// Turns an <see cref="AreaDocument"/> into an <see cref="IncidentArea"/>, naming every field that is wrong; and checks
/// shapes however they arrived (JSON or CAP): coordinate ranges, closed rings, no crossing edges, size caps.
/// Coordinates are kept to 6 decimals (about 0.1 m).
/// </summary>
public static class AreaValidator
{
    private const string Kinds = "Circle, Polygon or GeometryCollection";

    /// <summary>The area, or null (with the errors under <paramref name="path"/>, such as <c>area</c>) when it is absent or wrong.</summary>
    /// <param name="document">The area as sent.</param>
    /// <param name="path">Where it is in the request, for the errors.</param>
    /// <param name="errors">Where the errors go.</param>
    /// <param name="checkShapes">
    /// False to read the shape of stored data only: an area stored under earlier limits must stay readable if the
    /// limits change.
    /// </param>
    public static IncidentArea? Validate(AreaDocument? document, string path, FieldErrors errors, bool checkShapes = true)
    {
        if (document is null)
        {
            return null;
        }

        var before = errors.Count;
        var shapes = new List<AreaShape>();
        if (document.Type == AreaDocument.Collection)
        {
            Forbid(document.Coordinates is not null, $"{path}.coordinates", "belongs to each of the geometries, not to the collection.", errors);
            Forbid(document.RadiusKm is not null, $"{path}.radiusKm", "belongs to a Circle, not to the collection.", errors);
            if (document.Geometries is not { Count: > 0 and <= AreaLimits.MaxShapes } geometries)
            {
                errors.Add($"{path}.geometries", $"must list 1–{AreaLimits.MaxShapes} Circle or Polygon geometries.");
            }
            else
            {
                for (var i = 0; i < geometries.Count; i++)
                {
                    var where = $"{path}.geometries[{i}]";
                    var geometry = geometries[i];
                    Forbid(geometry.Description is not null || geometry.Geocodes is not null, where, "a description and geocodes belong to the whole area, not to one geometry.", errors);
                    if (geometry.Type == AreaDocument.Collection)
                    {
                        errors.Add($"{where}.type", "must be Circle or Polygon: collections do not nest.");
                    }
                    else if (Shape(geometry, where, errors, checkShapes) is { } shape)
                    {
                        shapes.Add(shape);
                    }
                }
            }
        }
        else
        {
            Forbid(document.Geometries is not null, $"{path}.geometries", "belongs to a GeometryCollection.", errors);
            if (Shape(document, path, errors, checkShapes) is { } shape)
            {
                shapes.Add(shape);
            }
        }

        var description = document.Description?.Trim();
        if (description is { Length: > AreaLimits.MaxDescriptionLength })
        {
            errors.Add($"{path}.description", $"must be at most {AreaLimits.MaxDescriptionLength} characters.");
        }
        else if (checkShapes && description is not null && ReadableText.Problem(description) is { } unreadable)
        {
            errors.Add($"{path}.description", unreadable);
        }

        var geocodes = Geocodes(document.Geocodes, $"{path}.geocodes", errors);
        if (checkShapes)
        {
            CheckTotal(shapes, path, errors);
        }

        return errors.Count == before
            ? new IncidentArea(shapes, string.IsNullOrEmpty(description) ? null : description, geocodes)
            : null;
    }

    /// <summary>Checks one shape; its problems go to <paramref name="coordinatesField"/> (position, ring) and <paramref name="radiusField"/>.</summary>
    public static bool Check(AreaShape shape, string coordinatesField, string radiusField, FieldErrors errors)
    {
        var before = errors.Count;
        switch (shape)
        {
            case AreaCircle circle:
                CheckPoint(circle.Center, coordinatesField, errors);
                if (!double.IsFinite(circle.RadiusKm) || circle.RadiusKm < 0 || circle.RadiusKm > AreaLimits.MaxRadiusKm)
                {
                    errors.Add(radiusField, $"must be a radius in km from 0 to {AreaLimits.MaxRadiusKm:0}.");
                }

                break;
            case AreaPolygon polygon:
                CheckPolygon(polygon, coordinatesField, errors);
                break;
        }

        return errors.Count == before;
    }

    /// <summary>Counts of all shapes together: points over every polygon.</summary>
    public static void CheckTotal(IReadOnlyList<AreaShape> shapes, string field, FieldErrors errors)
    {
        var points = shapes.OfType<AreaPolygon>().Sum(p => p.Ring.Count);
        if (points > AreaLimits.MaxTotalPoints)
        {
            errors.Add(field, $"has {points} polygon points; an area may have at most {AreaLimits.MaxTotalPoints}.");
        }

        if (shapes.Count > AreaLimits.MaxShapes)
        {
            errors.Add(field, $"has {shapes.Count} shapes; an area may have at most {AreaLimits.MaxShapes}.");
        }
    }

    /// <summary>Geocodes checked and trimmed; null when none were given.</summary>
    public static IReadOnlyList<Geocode>? Geocodes(IReadOnlyList<Geocode?>? geocodes, string field, FieldErrors errors)
    {
        if (geocodes is null || geocodes.Count == 0)
        {
            return null;
        }

        if (geocodes.Count > AreaLimits.MaxGeocodes)
        {
            errors.Add(field, $"may list at most {AreaLimits.MaxGeocodes} geocodes.");
            return null;
        }

        var result = new List<Geocode>(geocodes.Count);
        for (var i = 0; i < geocodes.Count; i++)
        {
            var name = geocodes[i]?.ValueName?.Trim();
            var value = geocodes[i]?.Value?.Trim();
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(value) || name.Length > AreaLimits.MaxGeocodeLength || value.Length > AreaLimits.MaxGeocodeLength)
            {
                errors.Add($"{field}[{i}]", $"needs a valueName and a value, each 1–{AreaLimits.MaxGeocodeLength} characters.");
            }
            else if ((ReadableText.Problem(name) ?? ReadableText.Problem(value)) is { } unreadable)
            {
                errors.Add($"{field}[{i}]", unreadable);
            }
            else
            {
                result.Add(new Geocode(name, value));
            }
        }

        return result;
    }

    private static AreaShape? Shape(AreaDocument document, string path, FieldErrors errors, bool checkShape)
    {
        var before = errors.Count;
        AreaShape? shape = null;
        switch (document.Type)
        {
            case AreaDocument.Circle:
                var center = Position(document.Coordinates, $"{path}.coordinates", errors);
                if (document.RadiusKm is not { } radius)
                {
                    errors.Add($"{path}.radiusKm", "is required for a Circle (km; 0 is a point).");
                }
                else if (center is not null)
                {
                    shape = new AreaCircle(center, Math.Round(radius, 3));
                }

                break;
            case AreaDocument.Polygon:
                Forbid(document.RadiusKm is not null, $"{path}.radiusKm", "belongs to a Circle.", errors);
                var ring = Ring(document.Coordinates, $"{path}.coordinates", errors, checkShape);
                shape = ring is null ? null : new AreaPolygon(ring);
                break;
            case null:
                errors.Add($"{path}.type", $"is required: {Kinds}.");
                break;
            default:
                errors.Add($"{path}.type", $"must be {Kinds} (GeoJSON-style; a circle is {{\"type\":\"Circle\",\"coordinates\":[lon,lat],\"radiusKm\":5}}).");
                break;
        }

        return shape is not null && errors.Count == before && (!checkShape || Check(shape, $"{path}.coordinates", $"{path}.radiusKm", errors)) ? shape : null;
    }

    private static GeoPoint? Position(JsonElement? element, string field, FieldErrors errors)
    {
        if (element is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() != 2 ||
            !array[0].TryGetDouble(out var lon) || !array[1].TryGetDouble(out var lat))
        {
            errors.Add(field, "must be a position [lon, lat] (two numbers, longitude first, as in GeoJSON).");
            return null;
        }

        return new GeoPoint(Math.Round(lat, 6), Math.Round(lon, 6));
    }

    private static List<GeoPoint>? Ring(JsonElement? element, string field, FieldErrors errors, bool checkSize)
    {
        if (element is not { ValueKind: JsonValueKind.Array } rings || rings.GetArrayLength() == 0 || rings[0].ValueKind != JsonValueKind.Array)
        {
            errors.Add(field, "must be [[[lon, lat], …]]: one closed ring of positions, as in GeoJSON.");
            return null;
        }

        if (rings.GetArrayLength() > 1)
        {
            errors.Add(field, "must have exactly one ring: holes are not supported (CAP polygons have none).");
            return null;
        }

        var ring = rings[0];
        if (checkSize && ring.GetArrayLength() > AreaLimits.MaxPolygonPoints)
        {
            errors.Add(field, $"has {ring.GetArrayLength()} points; a polygon may have at most {AreaLimits.MaxPolygonPoints}.");
            return null;
        }

        var points = new List<GeoPoint>(ring.GetArrayLength());
        var before = errors.Count;
        var i = 0;
        foreach (var position in ring.EnumerateArray())
        {
            if (Position(position, $"{field}[0][{i++}]", errors) is { } point)
            {
                points.Add(point);
            }
        }

        return errors.Count == before ? points : null;
    }

    private static void CheckPolygon(AreaPolygon polygon, string field, FieldErrors errors)
    {
        var ring = polygon.Ring;
        if (ring.Count < 4)
        {
            errors.Add(field, "needs at least four points, the last the same as the first (a closed ring).");
            return;
        }

        if (ring.Count > AreaLimits.MaxPolygonPoints)
        {
            errors.Add(field, $"has {ring.Count} points; a polygon may have at most {AreaLimits.MaxPolygonPoints}.");
            return;
        }

        var before = errors.Count;
        foreach (var point in ring)
        {
            CheckPoint(point, field, errors);
            if (errors.Count > before)
            {
                return;
            }
        }

        if (ring[0] != ring[^1])
        {
            errors.Add(field, "is not closed: the last point must be the same as the first.");
            return;
        }

        var far = ring.Max(p => Sphere.DistanceKm(ring[0], p));
        if (far > AreaLimits.MaxPolygonSpanKm)
        {
            errors.Add(field, $"reaches {far:0} km from its first point; a polygon may span at most {AreaLimits.MaxPolygonSpanKm:0} km.");
            return;
        }

        if (AreaGeometry.EnclosesPole(polygon))
        {
            errors.Add(field, "goes round a pole; describe such an area with a circle.");
            return;
        }

        if (AreaGeometry.SurfaceProblem(polygon) is { } problem)
        {
            errors.Add(field, problem);
        }
    }

    private static void CheckPoint(GeoPoint point, string field, FieldErrors errors)
    {
        if (!double.IsFinite(point.Lat) || point.Lat is < -90 or > 90 || !double.IsFinite(point.Lon) || point.Lon is < -180 or > 180)
        {
            errors.Add(field, "has a position out of range: latitude must be −90 to 90, longitude −180 to 180.");
        }
    }

    private static void Forbid(bool present, string field, string why, FieldErrors errors)
    {
        if (present)
        {
            errors.Add(field, $"is not allowed here: {why}");
        }
    }
}
