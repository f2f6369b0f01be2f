using System.Text.Json;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Areas;
using Alerts.Core.Domain.Validation;

namespace Alerts.Core.Tests.Domain.Areas;

public class AreaValidatorTests
{
    private static (IncidentArea? Area, Dictionary<string, string[]> Errors) Validate(string json)
    {
        var errors = new FieldErrors();
        var area = AreaValidator.Validate(JsonSerializer.Deserialize<AreaDocument>(json, AlertsJson.Options), "area", errors);
        return (area, errors.ToDictionary());
    }

    [Theory]
    [InlineData("""{"type":"Circle","coordinates":[23.9336,50.4717],"radiusKm":5}""", 1)]
    [InlineData("""{"type":"Circle","coordinates":[23.9336,50.4717],"radiusKm":0}""", 1)]
    [InlineData("""{"type":"Polygon","coordinates":[[[20,50],[20,52],[24,52],[24,50],[20,50]]]}""", 1)]
    [InlineData("""{"type":"Polygon","coordinates":[[[179.5,-16.5],[179.5,-17.5],[-179.5,-17.5],[-179.5,-16.5],[179.5,-16.5]]]}""", 1)]
    [InlineData("""{"type":"GeometryCollection","geometries":[{"type":"Circle","coordinates":[24,50],"radiusKm":5},{"type":"Polygon","coordinates":[[[20,50],[20,52],[24,52],[20,50]]]}],"description":"Lublin","geocodes":[{"valueName":"ISO3166-2","value":"PL-LU"}]}""", 2)]
    public void Validate_AGoodArea_IsKept(string json, int shapes)
    {
        var (area, errors) = Validate(json);

        Assert.Empty(errors);
        Assert.Equal(shapes, area!.Shapes.Count);
    }

    [Theory]
    [InlineData("ring not closed", """{"type":"Polygon","coordinates":[[[20,50],[20,52],[24,52],[24,50]]]}""", "area.coordinates", "not closed")]
    [InlineData("too few points", """{"type":"Polygon","coordinates":[[[20,50],[20,52],[20,50]]]}""", "area.coordinates", "at least four points")]
    [InlineData("crossing edges (a bow tie)", """{"type":"Polygon","coordinates":[[[20,50],[24,52],[24,50],[20,52],[20,50]]]}""", "area.coordinates", "self-intersection")]
    [InlineData("points on one line", """{"type":"Polygon","coordinates":[[[20,50],[21,50],[22,50],[20,50]]]}""", "area.coordinates", "")]
    [InlineData("latitude out of range", """{"type":"Circle","coordinates":[24,91],"radiusKm":5}""", "area.coordinates", "out of range")]
    [InlineData("longitude out of range", """{"type":"Polygon","coordinates":[[[181,50],[20,52],[24,52],[181,50]]]}""", "area.coordinates", "out of range")]
    [InlineData("latitude first by mistake, out of range", """{"type":"Circle","coordinates":[50.4717,123.9],"radiusKm":5}""", "area.coordinates", "out of range")]
    [InlineData("a position of three numbers", """{"type":"Circle","coordinates":[24,50,100],"radiusKm":5}""", "area.coordinates", "[lon, lat]")]
    [InlineData("radius too large", """{"type":"Circle","coordinates":[24,50],"radiusKm":5000}""", "area.radiusKm", "0 to 1000")]
    [InlineData("negative radius", """{"type":"Circle","coordinates":[24,50],"radiusKm":-1}""", "area.radiusKm", "0 to 1000")]
    [InlineData("circle without radius", """{"type":"Circle","coordinates":[24,50]}""", "area.radiusKm", "required")]
    [InlineData("a hole", """{"type":"Polygon","coordinates":[[[20,50],[20,52],[24,52],[20,50]],[[21,50.5],[21,51],[22,51],[21,50.5]]]}""", "area.coordinates", "holes")]
    [InlineData("no type", """{"coordinates":[24,50],"radiusKm":5}""", "area.type", "required")]
    [InlineData("a GeoJSON type we do not take", """{"type":"LineString","coordinates":[[24,50],[25,51]]}""", "area.type", "Circle, Polygon or GeometryCollection")]
    [InlineData("a polygon that spans a continent", """{"type":"Polygon","coordinates":[[[0,40],[30,40],[30,60],[0,60],[0,40]]]}""", "area.coordinates", "at most 2000 km")]
    [InlineData("a ring round the North Pole", """{"type":"Polygon","coordinates":[[[0,85],[90,85],[180,85],[-90,85],[0,85]]]}""", "area.coordinates", "pole")]
    [InlineData("collections do not nest", """{"type":"GeometryCollection","geometries":[{"type":"GeometryCollection","geometries":[]}]}""", "area.geometries[0].type", "do not nest")]
    [InlineData("an empty collection", """{"type":"GeometryCollection","geometries":[]}""", "area.geometries", "1–10")]
    [InlineData("a geocode without a value", """{"type":"Circle","coordinates":[24,50],"radiusKm":5,"geocodes":[{"valueName":"ISO3166-2"}]}""", "area.geocodes[0]", "valueName and a value")]
    public void Validate_ABadArea_NamesTheField(string why, string json, string field, string message)
    {
        var (area, errors) = Validate(json);

        Assert.Null(area);
        Assert.True(errors.ContainsKey(field), $"{why}: errors were {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        Assert.Contains(message, string.Join(" ", errors[field]), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Validate_TooManyPoints_IsRefused()
    {
        var ring = Enumerable.Range(0, AreaLimits.MaxPolygonPoints).Select(i => $"[{20 + (Math.Cos(i * 2 * Math.PI / AreaLimits.MaxPolygonPoints) / 10):0.######},{50 + (Math.Sin(i * 2 * Math.PI / AreaLimits.MaxPolygonPoints) / 10):0.######}]").ToList();
        ring.Add(ring[0]);

        var (_, errors) = Validate($$"""{"type":"Polygon","coordinates":[[{{string.Join(",", ring)}}]]}""");

        Assert.Contains("at most 250", errors["area.coordinates"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void AnArea_WritesAndReadsBack_AsTheSameJson()
    {
        const string json = """{"type":"GeometryCollection","geometries":[{"type":"Circle","coordinates":[23.9336,50.4717],"radiusKm":5},{"type":"Polygon","coordinates":[[[20,50],[20,52],[24,52],[20,50]]]}],"description":"Lublin","geocodes":[{"valueName":"ISO3166-2","value":"PL-LU"}]}""";

        var area = JsonSerializer.Deserialize<IncidentArea>(json, AlertsJson.Options);

        Assert.Equal(json, JsonSerializer.Serialize(area, AlertsJson.Options));
    }

    [Fact]
    public void AStoredArea_ReadsEvenWhereTodaysLimitsWouldRefuseIt()
    {
        // A circle larger than today's cap, as stored under a more generous one.
        var area = JsonSerializer.Deserialize<IncidentArea>("""{"type":"Circle","coordinates":[24,50],"radiusKm":5000}""", AlertsJson.Options);

        Assert.Equal(5000, Assert.IsType<AreaCircle>(Assert.Single(area!.Shapes)).RadiusKm);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IncidentArea>("""{"type":"Circle","coordinates":"here"}""", AlertsJson.Options));
    }
}
