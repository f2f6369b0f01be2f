namespace Alerts.Core.Domain.Areas;

/// <summary>One shape of an area: a <see cref="AreaCircle"/> or an <see cref="AreaPolygon"/>, as CAP 1.2 and GeoJSON know them.</summary>
public abstract record AreaShape;
