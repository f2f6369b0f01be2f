using Alerts.Core.Domain.Cap;
using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Tests.Domain.Cap;

/// <summary>CAP category, event and eventCode to our categories: the documented table, and what is refused.</summary>
public class CapCategoryMapTests
{
    private static (string Name, string Value)[] Codes(string codes) =>
        codes.Length == 0 ? [] : codes.Split(';').Select(c => c.Split('=')).Select(p => (p[0], p[1])).ToArray();

    [Theory]
    [InlineData("Security", "Missile impact", "", "missile-impact")]
    [InlineData("Security", "  MISSILE   strike ", "", "missile-impact")]
    [InlineData("Safety", "Rocket impact", "", "missile-impact")]
    [InlineData("Security", "Drone incursion", "", "drone-incursion")]
    [InlineData("Security", "UAV incursion", "", "drone-incursion")]
    [InlineData("Security", "Airspace violation", "", "airspace-violation")]
    [InlineData("Security", "Artillery fire", "", "artillery-fire")]
    [InlineData("Security", "Shelling", "", "artillery-fire")]
    [InlineData("Security", "Border crossing", "", "border-crossing")]
    [InlineData("Security", "Illegal border crossing", "", "border-crossing")]
    [InlineData("Security", "Border incident", "", "other")]
    [InlineData("Security", "border-crossing", "", "border-crossing")]
    [InlineData("Security", "Einschlag", "alerts:category=missile-impact", "missile-impact")]
    [InlineData("Security", "Drone incursion", "alerts:category=airspace-violation", "airspace-violation")]
    [InlineData("Met,Security", "Drone", "SAME=XXX", "drone-incursion")]
    public void Map_WhatMaps(string categories, string @event, string codes, string expected)
    {
        var mapped = CapCategoryMap.Map(categories.Split(','), @event, Codes(codes));

        Assert.Equal(expected, mapped.Category);
        Assert.Null(mapped.Problem);
    }

    [Theory]
    [InlineData("Met", "Missile impact", "", CapCategory.CategoryPart)]
    [InlineData("Fire,Health", "Drone incursion", "", CapCategory.CategoryPart)]
    [InlineData("Security", "Unexplained explosion", "", CapCategory.EventPart)]
    [InlineData("Security", "Tornado", "SAME=TOR", CapCategory.EventPart)]
    [InlineData("Security", "Missile impact", "alerts:category=meteor", CapCategory.EventCodePart)]
    [InlineData("Security", "Missile impact", "alerts:category=missile-impact;alerts:category=drone-incursion", CapCategory.EventCodePart)]
    public void Map_WhatIsRefused_NamesThePart(string categories, string @event, string codes, string part)
    {
        var mapped = CapCategoryMap.Map(categories.Split(','), @event, Codes(codes));

        Assert.Null(mapped.Category);
        Assert.Equal(part, mapped.Part);
        Assert.False(string.IsNullOrEmpty(mapped.Problem));
    }

    [Fact]
    public void EveryCategory_WeSend_MapsBackToItself()
    {
        foreach (var category in IncidentCategories.All)
        {
            Assert.Equal(category, CapCategoryMap.Map(["Security"], CapCategoryMap.EventName(category), [(CapCategoryMap.EventCodeName, category)]).Category);
            Assert.Equal(category, CapCategoryMap.Map(["Security"], CapCategoryMap.EventName(category), []).Category);
        }
    }
}
