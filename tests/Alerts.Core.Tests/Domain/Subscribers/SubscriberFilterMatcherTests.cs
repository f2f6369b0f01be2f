using Alerts.Core.Domain.Areas;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Tests.Domain.Areas;

namespace Alerts.Core.Tests.Domain.Subscribers;

public class SubscriberFilterMatcherTests
{
    private static IncidentFacts Incident(string country, Severity severity, string category) => new(
        new DateTimeOffset(2022, 11, 15, 13, 40, 0, TimeSpan.Zero),
        category,
        severity,
        Certainty.Possible,
        Urgency.Immediate,
        new IncidentLocation(country, "Przewodów", 50.4717, 23.9336),
        "Missile struck a grain dryer; two killed.",
        null,
        null,
        null,
        null);

    // Lists are comma-separated so that each row stays one readable line; "" is an empty list.
    private static List<string> List(string csv) => csv.Length == 0 ? [] : csv.Split(',').ToList();

    [Theory]
    // empty filter
    [InlineData("empty filter, extreme missile in PL", "", Severity.Unknown, "", "PL", Severity.Extreme, "missile-impact", true)]
    [InlineData("empty filter, unknown other in LT", "", Severity.Unknown, "", "LT", Severity.Unknown, "other", true)]
    // countries
    [InlineData("country listed", "PL", Severity.Unknown, "", "PL", Severity.Minor, "other", true)]
    [InlineData("country among several", "LT,PL,LV", Severity.Unknown, "", "PL", Severity.Minor, "other", true)]
    [InlineData("country not listed", "LT,LV", Severity.Unknown, "", "PL", Severity.Extreme, "missile-impact", false)]
    // minimum severity boundaries
    [InlineData("severe minimum, extreme incident", "", Severity.Severe, "", "PL", Severity.Extreme, "other", true)]
    [InlineData("severe minimum, severe incident", "", Severity.Severe, "", "PL", Severity.Severe, "other", true)]
    [InlineData("severe minimum, moderate incident", "", Severity.Severe, "", "PL", Severity.Moderate, "other", false)]
    [InlineData("severe minimum, unknown incident", "", Severity.Severe, "", "PL", Severity.Unknown, "other", false)]
    [InlineData("extreme minimum, severe incident", "", Severity.Extreme, "", "PL", Severity.Severe, "other", false)]
    [InlineData("minor minimum, minor incident", "", Severity.Minor, "", "PL", Severity.Minor, "other", true)]
    [InlineData("minor minimum, unknown incident", "", Severity.Minor, "", "PL", Severity.Unknown, "other", false)]
    [InlineData("unknown minimum, unknown incident", "", Severity.Unknown, "", "PL", Severity.Unknown, "other", true)]
    // categories
    [InlineData("category listed", "", Severity.Unknown, "missile-impact", "PL", Severity.Minor, "missile-impact", true)]
    [InlineData("category among several", "", Severity.Unknown, "drone-incursion,missile-impact", "PL", Severity.Minor, "missile-impact", true)]
    [InlineData("category not listed", "", Severity.Unknown, "drone-incursion,airspace-violation", "PL", Severity.Extreme, "missile-impact", false)]
    // combinations: every part must hold
    [InlineData("all three hold", "PL,LT", Severity.Severe, "missile-impact", "PL", Severity.Extreme, "missile-impact", true)]
    [InlineData("all but country", "LT", Severity.Severe, "missile-impact", "PL", Severity.Extreme, "missile-impact", false)]
    [InlineData("all but severity", "PL", Severity.Severe, "missile-impact", "PL", Severity.Moderate, "missile-impact", false)]
    [InlineData("all but category", "PL", Severity.Severe, "drone-incursion", "PL", Severity.Extreme, "missile-impact", false)]
    [InlineData("country and category, severity open", "PL", Severity.Unknown, "drone-incursion", "PL", Severity.Unknown, "drone-incursion", true)]
    public void Matches_FilterAndIncident_DecidesAsTheTableSays(
        string why, string countries, Severity minimum, string categories, string country, Severity severity, string category, bool expected)
    {
        var filter = new SubscriberFilter(List(countries), minimum, List(categories));

        var matches = SubscriberFilterMatcher.Matches(filter, Incident(country, severity, category));

        Assert.True(expected == matches, $"{why}: expected {expected}, got {matches}");
    }

    [Fact]
    public void Matches_AllFilter_MatchesEverySeverity()
    {
        foreach (var severity in Enum.GetValues<Severity>())
        {
            Assert.True(SubscriberFilterMatcher.Matches(SubscriberFilter.All, Incident("EE", severity, "border-crossing")), severity.ToString());
        }
    }

    // Przewodów (50.4717, 23.9336): the incident's point, and optionally its area.
    [Theory]
    [InlineData("area of interest around the point", "", "circle 50.5,23.9 10", "", true)]
    [InlineData("area of interest elsewhere", "", "circle 54.7,25.3 50", "", false)]
    [InlineData("area of interest elsewhere, but the country is listed too", "PL", "circle 54.7,25.3 50", "", true)]
    [InlineData("area of interest around the point, another country listed", "LT", "circle 50.5,23.9 10", "", true)]
    [InlineData("incident's area reaches into the area of interest", "", "polygon 50.6,24.05 50.8,24.05 50.8,24.3 50.6,24.3 50.6,24.05", "circle 50.5,23.95 30", true)]
    [InlineData("incident's area and point both outside it", "", "polygon 50.6,24.05 50.8,24.05 50.8,24.3 50.6,24.3 50.6,24.05", "circle 50.5,23.95 5", false)]
    [InlineData("countries only, incident elsewhere", "LT", "", "", false)]
    public void Matches_AnAreaOfInterest_AddsToTheCountries(string why, string countries, string interest, string area, bool expected)
    {
        var filter = new SubscriberFilter(List(countries), Severity.Unknown, [], interest.Length == 0 ? null : Shapes.Area(interest));
        var facts = Incident("PL", Severity.Extreme, "missile-impact") with { Area = area.Length == 0 ? null : Shapes.Area(area) };

        Assert.True(expected == SubscriberFilterMatcher.Matches(filter, facts), why);
    }

    [Fact]
    public void Matches_AnAreaOfInterest_StillNeedsTheSeverityAndCategory()
    {
        var around = Shapes.Area("circle 50.5,23.9 10");

        Assert.False(SubscriberFilterMatcher.Matches(new SubscriberFilter([], Severity.Extreme, [], around), Incident("PL", Severity.Severe, "missile-impact")));
        Assert.False(SubscriberFilterMatcher.Matches(new SubscriberFilter([], Severity.Unknown, ["drone-incursion"], around), Incident("PL", Severity.Severe, "missile-impact")));
    }
}
