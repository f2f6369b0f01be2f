using Alerts.Core.Domain.Areas;

namespace Alerts.Core.Tests.Domain.Areas;

public class AreaGeometryTests
{
    [Theory]
    // point and polygon
    [InlineData("point inside a polygon", "point 51,22", "polygon 50,20 52,20 52,24 50,24 50,20", true)]
    [InlineData("point outside a polygon", "point 53,22", "polygon 50,20 52,20 52,24 50,24 50,20", false)]
    [InlineData("point on a polygon's edge", "point 51,24", "polygon 50,20 52,20 52,24 50,24 50,20", true)]
    [InlineData("point on a polygon's corner", "point 52,24", "polygon 50,20 52,20 52,24 50,24 50,20", true)]
    [InlineData("point just off a polygon's edge", "point 51,24.001", "polygon 50,20 52,20 52,24 50,24 50,20", false)]
    // point and circle: 0.1° of latitude is 11.12 km
    [InlineData("point inside a circle", "point 50.1,24", "circle 50,24 12", true)]
    [InlineData("point outside a circle", "point 50.1,24", "circle 50,24 11", false)]
    [InlineData("point on a circle's edge", "point 50.1,24", "circle 50,24 11.1195", true)]
    [InlineData("point and radius-0 circle at the same place", "point 50,24", "circle 50,24 0", true)]
    // circle and circle
    [InlineData("circles that overlap", "circle 50,24 6", "circle 50.1,24 6", true)]
    [InlineData("circles that touch", "circle 50,24 5.56", "circle 50.1,24 5.56", true)]
    [InlineData("circles apart", "circle 50,24 5", "circle 50.1,24 5", false)]
    // circle and polygon
    [InlineData("circle inside a polygon", "circle 51,22 5", "polygon 50,20 52,20 52,24 50,24 50,20", true)]
    [InlineData("circle outside a polygon, reaching over its edge", "circle 52.1,22 12", "polygon 50,20 52,20 52,24 50,24 50,20", true)]
    [InlineData("circle outside a polygon, short of its edge", "circle 53,22 110", "polygon 50,20 52,20 52,24 50,24 50,20", false)]
    [InlineData("circle around a whole polygon", "circle 51,22 500", "polygon 50.9,21.9 51.1,21.9 51.1,22.1 50.9,22.1 50.9,21.9", true)]
    // polygon and polygon
    [InlineData("polygons that overlap", "polygon 50,20 52,20 52,24 50,24 50,20", "polygon 51,23 53,23 53,25 51,25 51,23", true)]
    [InlineData("polygons that share an edge", "polygon 50,20 52,20 52,24 50,24 50,20", "polygon 50,24 52,24 52,26 50,26 50,24", true)]
    [InlineData("polygons apart", "polygon 50,20 52,20 52,24 50,24 50,20", "polygon 50,25 52,25 52,26 50,26 50,25", false)]
    // the antimeridian (Fiji): a polygon from 179.5° E to 179.5° W is 1° wide, not 359°
    [InlineData("point on 180° inside a polygon across the antimeridian", "point -17,180", "polygon -16.5,179.5 -17.5,179.5 -17.5,-179.5 -16.5,-179.5 -16.5,179.5", true)]
    [InlineData("point west of 180° inside it", "point -17,-179.8", "polygon -16.5,179.5 -17.5,179.5 -17.5,-179.5 -16.5,-179.5 -16.5,179.5", true)]
    [InlineData("point outside it, at 179° E", "point -17,179", "polygon -16.5,179.5 -17.5,179.5 -17.5,-179.5 -16.5,-179.5 -16.5,179.5", false)]
    [InlineData("point on the far side of the world", "point -17,0", "polygon -16.5,179.5 -17.5,179.5 -17.5,-179.5 -16.5,-179.5 -16.5,179.5", false)]
    [InlineData("circle across the antimeridian and a point beyond it", "point -17,-179.9", "circle -17,179.9 25", true)]
    [InlineData("polygons on either side of the antimeridian that overlap", "polygon -16,179 -18,179 -18,-179.8 -16,-179.8 -16,179", "polygon -16,-179.9 -18,-179.9 -18,-179 -16,-179 -16,-179.9", true)]
    // high latitude (Svalbard, 78.2° N): 1° of longitude is only 22.7 km, and circles stay round
    [InlineData("point 27 km east of a 30 km circle's centre", "point 78.2,16.8", "circle 78.2,15.6 30", true)]
    [InlineData("point 36 km east of a 30 km circle's centre", "point 78.2,17.2", "circle 78.2,15.6 30", false)]
    [InlineData("polygon 27 km east of a 30 km circle", "polygon 78,16.8 78.4,16.8 78.4,18 78,18 78,16.8", "circle 78.2,15.6 30", true)]
    [InlineData("polygon 36 km east of a 30 km circle", "polygon 78,17.2 78.4,17.2 78.4,18 78,18 78,17.2", "circle 78.2,15.6 30", false)]
    public void Intersects_TwoShapes_AsTheMapShows(string why, string a, string b, bool expected)
    {
        var (first, second) = (Shapes.Parse(a), Shapes.Parse(b));

        Assert.True(expected == AreaGeometry.Intersects(first, second), $"{why}: expected {expected}");
        Assert.True(expected == AreaGeometry.Intersects(second, first), $"{why}, the other way round: expected {expected}");
    }

    [Theory]
    [InlineData("area reaches in", "circle 52.1,22 12", "52.1,22", "polygon 50,20 52,20 52,24 50,24 50,20", true)]
    [InlineData("only the point is inside", "circle 40,10 1", "51,22", "polygon 50,20 52,20 52,24 50,24 50,20", true)]
    [InlineData("neither area nor point", "circle 53,22 12", "53,22", "circle 40,10 50", false)]
    [InlineData("second shape of the interest", "circle 53,22 12", "53,22", "circle 40,10 50; circle 53.1,22 5", true)]
    public void Reaches_AnIncidentsAreaOrPoint_IntoAnAreaOfInterest(string why, string area, string point, string interest, bool expected) =>
        Assert.True(expected == AreaGeometry.Reaches(Shapes.Area(interest), Shapes.Area(area), Shapes.Point(point)), why);

    [Fact]
    public void Reaches_WithoutAnArea_UsesThePoint()
    {
        Assert.True(AreaGeometry.Reaches(Shapes.Area("circle 50,24 12"), null, new GeoPoint(50.1, 24)));
        Assert.False(AreaGeometry.Reaches(Shapes.Area("circle 50,24 11"), null, new GeoPoint(50.1, 24)));
    }

    [Theory]
    [InlineData("circle 50.4717,23.9336 5", 50.4717, 23.9336)]
    [InlineData("polygon 50,20 52,20 52,24 50,24 50,20", 51, 22)]
    [InlineData("polygon -16.5,179.5 -17.5,179.5 -17.5,-179.5 -16.5,-179.5 -16.5,179.5", -17, 180)]
    public void CorrelationPoint_OfTheFirstShape(string shape, double lat, double lon)
    {
        var point = AreaGeometry.CorrelationPoint(Shapes.Area(shape + "; circle 10,10 1"));

        Assert.Equal(lat, point.Lat, 3);
        Assert.Equal(lon, point.Lon, 3);
    }

    [Fact]
    public void CorrelationPoint_OfAnL_IsInsideIt_ThoughItsCentroidIsNot()
    {
        // Centroid about (51.18, 21.18): in the crook of the L, outside it.
        var l = Shapes.Parse("polygon 50,20 54,20 54,20.5 50.5,20.5 50.5,24 50,24 50,20");

        var point = AreaGeometry.CorrelationPoint(new IncidentArea([l]));

        Assert.True(AreaGeometry.Intersects(new AreaCircle(point, 0), l));
        Assert.False(AreaGeometry.Intersects(new AreaCircle(new GeoPoint(51.18, 21.18), 0), l));
    }
}
