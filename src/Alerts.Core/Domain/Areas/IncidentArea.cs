using System.Text.Json.Serialization;

namespace Alerts.Core.Domain.Areas;

/// <summary>
/// Where an incident happened, or what a subscriber cares about: one or more shapes (circles, polygons), optionally
/// described in words and by geocodes. On the wire it is a GeoJSON-style geometry (<see cref="AreaDocument"/>).
/// </summary>
[JsonConverter(typeof(IncidentAreaJsonConverter))]
public sealed record IncidentArea(IReadOnlyList<AreaShape> Shapes, string? Description = null, IReadOnlyList<Geocode>? Geocodes = null)
{
    /// <summary>The point correlation uses: see <see cref="AreaGeometry.CorrelationPoint"/>.</summary>
    public GeoPoint CorrelationPoint => AreaGeometry.CorrelationPoint(this);
}
