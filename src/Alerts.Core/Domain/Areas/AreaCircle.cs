namespace Alerts.Core.Domain.Areas;

/// <summary>A circle on the Earth's surface: every point within <see cref="RadiusKm"/> (great-circle) of the centre; radius 0 is a point.</summary>
public sealed record AreaCircle(GeoPoint Center, double RadiusKm) : AreaShape;
