namespace Alerts.Core.Domain.Incidents;

/// <summary>The categories of border incident a report may carry.</summary>
public static class IncidentCategories
{
    public const string MissileImpact = "missile-impact";
    public const string DroneIncursion = "drone-incursion";
    public const string AirspaceViolation = "airspace-violation";
    public const string ArtilleryFire = "artillery-fire";
    public const string BorderCrossing = "border-crossing";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
        [MissileImpact, DroneIncursion, AirspaceViolation, ArtilleryFire, BorderCrossing, Other];

    public static bool IsKnown(string value) => All.Contains(value, StringComparer.Ordinal);
}
