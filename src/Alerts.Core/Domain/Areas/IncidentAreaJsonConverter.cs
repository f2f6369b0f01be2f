using System.Text.Json;
using System.Text.Json.Serialization;
using Alerts.Core.Domain.Validation;

namespace Alerts.Core.Domain.Areas;

/// <summary>
/// Writes an <see cref="IncidentArea"/> in the one wire shape of <see cref="AreaDocument"/> (one shape: that geometry;
/// several: a GeometryCollection), and reads it back. Reading checks the shape of the JSON only: what it reads was
/// validated when it came in (requests bind <see cref="AreaDocument"/> and go through <see cref="AreaValidator"/>), and
/// stored areas must stay readable if the limits change.
/// </summary>
public sealed class IncidentAreaJsonConverter : JsonConverter<IncidentArea>
{
    public override IncidentArea? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var document = JsonSerializer.Deserialize<AreaDocument>(ref reader, options);
        var errors = new FieldErrors();
        var area = AreaValidator.Validate(document, "area", errors, checkShapes: false);
        return area ?? throw new JsonException(string.Join(" ", errors.ToDictionary().Select(e => $"{e.Key} {string.Join(" ", e.Value)}")));
    }

    public override void Write(Utf8JsonWriter writer, IncidentArea value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Shapes.Count == 1)
        {
            WriteShapeMembers(writer, value.Shapes[0]);
        }
        else
        {
            writer.WriteString("type", AreaDocument.Collection);
            writer.WriteStartArray("geometries");
            foreach (var shape in value.Shapes)
            {
                writer.WriteStartObject();
                WriteShapeMembers(writer, shape);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (value.Description is { } description)
        {
            writer.WriteString("description", description);
        }

        if (value.Geocodes is { Count: > 0 } geocodes)
        {
            writer.WritePropertyName("geocodes");
            JsonSerializer.Serialize(writer, geocodes, options);
        }

        writer.WriteEndObject();
    }

    private static void WriteShapeMembers(Utf8JsonWriter writer, AreaShape shape)
    {
        switch (shape)
        {
            case AreaCircle circle:
                writer.WriteString("type", AreaDocument.Circle);
                writer.WritePropertyName("coordinates");
                WritePosition(writer, circle.Center);
                writer.WriteNumber("radiusKm", circle.RadiusKm);
                break;
            case AreaPolygon polygon:
                writer.WriteString("type", AreaDocument.Polygon);
                writer.WriteStartArray("coordinates");
                writer.WriteStartArray();
                foreach (var point in polygon.Ring)
                {
                    WritePosition(writer, point);
                }

                writer.WriteEndArray();
                writer.WriteEndArray();
                break;
        }
    }

    private static void WritePosition(Utf8JsonWriter writer, GeoPoint point)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(point.Lon);
        writer.WriteNumberValue(point.Lat);
        writer.WriteEndArray();
    }
}
