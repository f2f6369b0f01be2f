namespace Alerts.Core.Domain.Areas;

/// <summary>
/// How large an area may be. The counts keep an incident's facts (stored as one table string of at most 32 K characters,
/// with summary, details and translations) and a subscriber row well inside Table Storage's limits; the spans keep
/// every area regional, where the plane geometry of <see cref="AreaGeometry"/> is accurate.
/// </summary>
public static class AreaLimits
{
    public const int MaxShapes = 10;
    public const int MaxPolygonPoints = 250;
    public const int MaxTotalPoints = 500;
    public const int MaxGeocodes = 20;
    public const int MaxDescriptionLength = 500;
    public const int MaxGeocodeLength = 100;

    /// <summary>Largest circle radius.</summary>
    public const double MaxRadiusKm = 1000;

    /// <summary>Every point of a polygon lies within this great-circle distance of its first point.</summary>
    public const double MaxPolygonSpanKm = 2000;
}
