using System.Globalization;
using Alerts.Core.Domain.Areas;

namespace Alerts.Core.Tests.Domain.Areas;

/// <summary>Shapes written as CAP writes them, so a table row reads as a map: "circle 50,24 10", "polygon 50,20 52,20 52,24 50,20".</summary>
public static class Shapes
{
    public static AreaShape Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts[0] switch
        {
            "circle" => new AreaCircle(Point(parts[1]), double.Parse(parts[2], CultureInfo.InvariantCulture)),
            "polygon" => new AreaPolygon(parts[1..].Select(Point).ToList()),
            "point" => new AreaCircle(Point(parts[1]), 0),
            _ => throw new ArgumentException(text),
        };
    }

    public static IncidentArea Area(string text) => new(text.Split(';').Select(s => Parse(s.Trim())).ToList());

    public static GeoPoint Point(string latLon)
    {
        var xy = latLon.Split(',');
        return new GeoPoint(double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture));
    }
}
