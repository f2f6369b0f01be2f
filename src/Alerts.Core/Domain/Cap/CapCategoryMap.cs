using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Domain.Cap;

/// <summary>
/// Maps a CAP <c>info</c>'s <c>category</c>, <c>event</c> and <c>eventCode</c> to this service's incident categories,
/// and back. A border incident is a CAP <c>Security</c> or <c>Safety</c> alert. The category is taken from an
/// <c>eventCode</c> named <see cref="EventCodeName"/> when there is one (its value is one of our categories), else
/// from the event's words (<see cref="Events"/>); anything else is refused, never guessed.
/// </summary>
public static class CapCategoryMap
{
    /// <summary>The eventCode valueName whose value is one of this service's categories, e.g. missile-impact.</summary>
    public const string EventCodeName = "alerts:category";

    /// <summary>The CAP categories of the messages this service sends, and those it takes.</summary>
    public static IReadOnlyList<string> BorderIncidentCategories { get; } = ["Security", "Safety"];

    /// <summary>Event words, lower case with single spaces, and the category each names.</summary>
    public static IReadOnlyDictionary<string, string> Events { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["missile impact"] = IncidentCategories.MissileImpact, ["missile strike"] = IncidentCategories.MissileImpact, ["missile attack"] = IncidentCategories.MissileImpact,
        ["rocket impact"] = IncidentCategories.MissileImpact, ["rocket strike"] = IncidentCategories.MissileImpact, ["missile"] = IncidentCategories.MissileImpact,
        ["drone incursion"] = IncidentCategories.DroneIncursion, ["drone sighting"] = IncidentCategories.DroneIncursion, ["uav incursion"] = IncidentCategories.DroneIncursion,
        ["unmanned aircraft incursion"] = IncidentCategories.DroneIncursion, ["drone"] = IncidentCategories.DroneIncursion,
        ["airspace violation"] = IncidentCategories.AirspaceViolation, ["airspace incursion"] = IncidentCategories.AirspaceViolation, ["airspace intrusion"] = IncidentCategories.AirspaceViolation,
        ["artillery fire"] = IncidentCategories.ArtilleryFire, ["artillery"] = IncidentCategories.ArtilleryFire, ["shelling"] = IncidentCategories.ArtilleryFire, ["mortar fire"] = IncidentCategories.ArtilleryFire,
        ["border crossing"] = IncidentCategories.BorderCrossing, ["border incursion"] = IncidentCategories.BorderCrossing, ["border breach"] = IncidentCategories.BorderCrossing,
        ["illegal border crossing"] = IncidentCategories.BorderCrossing,
        ["border incident"] = IncidentCategories.Other,
    };

    /// <summary>The words our own CAP messages use for each category's event.</summary>
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [IncidentCategories.MissileImpact] = "Missile impact",
        [IncidentCategories.DroneIncursion] = "Drone incursion",
        [IncidentCategories.AirspaceViolation] = "Airspace violation",
        [IncidentCategories.ArtilleryFire] = "Artillery fire",
        [IncidentCategories.BorderCrossing] = "Border crossing",
        [IncidentCategories.Other] = "Border incident",
    };

    /// <summary>The category, or which part of the info (category, event or eventCode) does not map, and why.</summary>
    public static CapCategory Map(IReadOnlyList<string> capCategories, string? eventText, IReadOnlyList<(string Name, string Value)> eventCodes)
    {
        if (!capCategories.Any(c => BorderIncidentCategories.Contains(c)))
        {
            return CapCategory.Refused(CapCategory.CategoryPart, $"is {string.Join(", ", capCategories)}: a border incident is a {string.Join(" or ", BorderIncidentCategories)} alert.");
        }

        var codes = eventCodes.Where(c => c.Name == EventCodeName).Select(c => c.Value.Trim()).ToList();
        if (codes.Count > 0)
        {
            return codes.All(IncidentCategories.IsKnown) && codes.Distinct().Count() == 1
                ? CapCategory.Of(codes[0])
                : CapCategory.Refused(CapCategory.EventCodePart, $"{EventCodeName} must name one of: {string.Join(", ", IncidentCategories.All)} (was {string.Join(", ", codes)}).");
        }

        var words = Normalise(eventText);
        if (Events.TryGetValue(words, out var category) || IncidentCategories.IsKnown(words.Replace(' ', '-')))
        {
            return CapCategory.Of(category ?? words.Replace(' ', '-'));
        }

        return CapCategory.Refused(
            CapCategory.EventPart,
            $"'{eventText}' names no border-incident category. Say it with an eventCode {EventCodeName} ({string.Join(", ", IncidentCategories.All)}) or an event such as 'Missile impact', 'Drone incursion', 'Airspace violation', 'Artillery fire' or 'Border crossing'.");
    }

    /// <summary>The event our CAP messages give a category.</summary>
    public static string EventName(string category) => Names.GetValueOrDefault(category, "Border incident");

    private static string Normalise(string? text) =>
        string.Join(' ', (text ?? string.Empty).ToLowerInvariant().Replace('-', ' ').Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
