using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Verification;

namespace Alerts.Core.Tests.Domain.Verification;

/// <summary>The areas the correlator reads must include the area of every incident a report may match.</summary>
public class CorrelationAreaTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static IncidentFacts At(double lat, double lon, DateTimeOffset occurredAt, string country = "PL") => new(
        occurredAt, "missile-impact", Severity.Extreme, Certainty.Possible, Urgency.Immediate,
        new IncidentLocation(country, "somewhere", lat, lon), "summary", null, null, null, null);

    [Theory]
    [InlineData(25, 2)]
    [InlineData(1, 0.05)]
    [InlineData(200, 30)]
    [InlineData(1000, 168)]
    public void Around_IncludesTheAreaOfEveryIncidentWithinDistanceAndWindow(double distanceKm, double windowHours)
    {
        var options = new VerificationOptions { CorrelationDistanceKm = distanceKm, CorrelationWindow = TimeSpan.FromHours(windowHours) };
        var random = new Random(5);
        for (var i = 0; i < 5_000; i++)
        {
            var report = At(random.NextDouble() * 170 - 85, random.NextDouble() * 360 - 180, Noon.AddHours(random.NextDouble() * 1_000));

            // A point at most the distance away (north/south is what bands care about) and at most the window apart.
            var bearing = random.NextDouble() * 2 * Math.PI;
            var km = random.NextDouble() * distanceKm;
            var lat = Math.Clamp(report.Location.Lat + km / 111.2 * Math.Cos(bearing), -90, 90);
            var lon = report.Location.Lon + km / 111.2 * Math.Sin(bearing);
            var occurred = report.OccurredAt + TimeSpan.FromHours((random.NextDouble() * 2 - 1) * windowHours);
            var incident = At(lat, lon, occurred);
            if (Geo.DistanceKm(lat, lon, report.Location.Lat, report.Location.Lon) > distanceKm)
            {
                continue;
            }

            Assert.Contains(CorrelationArea.Of(incident, options), CorrelationArea.Around(report, options));
        }
    }

    [Theory]
    [InlineData(25, 2)]
    [InlineData(1000, 168)]
    public void Around_IsAtMostFourRowsOfTheReportsCountry_AndIncludesItsOwnArea(double distanceKm, double windowHours)
    {
        var options = new VerificationOptions { CorrelationDistanceKm = distanceKm, CorrelationWindow = TimeSpan.FromHours(windowHours) };
        var random = new Random(7);
        for (var i = 0; i < 1_000; i++)
        {
            var report = At(random.NextDouble() * 180 - 90, 0, Noon.AddMinutes(random.Next(100_000)), "LT");

            var around = CorrelationArea.Around(report, options);

            Assert.InRange(around.Count, 1, 4);
            Assert.All(around, a => Assert.Equal("LT", a.Country));
            Assert.Contains(CorrelationArea.Of(report, options), around);
        }
    }

    [Fact]
    public void Of_ChangedSettingsUseOtherRows()
    {
        var report = At(50.47, 23.93, Noon);

        var small = CorrelationArea.Of(report, new VerificationOptions { CorrelationDistanceKm = 25 });
        var large = CorrelationArea.Of(report, new VerificationOptions { CorrelationDistanceKm = 500 });

        Assert.NotEqual(small.RowKey, large.RowKey);
    }
}
