using Alerts.Core.Pipeline.Intake;
using Alerts.Testing;

namespace Alerts.Server.Tests;

/// <summary>
/// Geo-targeted subscriptions end to end through the server over Azurite: subscribers with areas of interest (circles,
/// polygons, with or without countries) are told exactly of the incidents whose point or area reaches into them —
/// inside, outside, on the edge, across the antimeridian and near the pole.
/// </summary>
public class AreaTargetingTests
{
    private static readonly Dictionary<string, string> Interests = new()
    {
        ["przewodow-10km"] = """{"area":{"type":"Circle","coordinates":[23.9336,50.4717],"radiusKm":10}}""",
        ["vilnius-50km"] = """{"area":{"type":"Circle","coordinates":[25.28,54.687],"radiusKm":50}}""",
        ["west-of-przewodow"] = """{"area":{"type":"Polygon","coordinates":[[[23.5,50.3],[23.9336,50.3],[23.9336,50.6],[23.5,50.6],[23.5,50.3]]]}}""",
        ["east-of-the-border"] = """{"area":{"type":"Polygon","coordinates":[[[24.2,50.3],[24.6,50.3],[24.6,50.7],[24.2,50.7],[24.2,50.3]]]}}""",
        ["fiji-across-180"] = """{"area":{"type":"Polygon","coordinates":[[[179.5,-16.5],[179.5,-17.5],[-179.5,-17.5],[-179.5,-16.5],[179.5,-16.5]]]}}""",
        ["west-of-180"] = """{"area":{"type":"Polygon","coordinates":[[[178,-16.5],[179,-16.5],[179,-17.5],[178,-17.5],[178,-16.5]]]}}""",
        ["longyearbyen-30km"] = """{"area":{"type":"Circle","coordinates":[15.65,78.22],"radiusKm":30}}""",
        ["fiji-or-near-the-drone"] = """{"countries":["FJ"],"area":{"type":"Circle","coordinates":[17.3,78.22],"radiusKm":5}}""",
    };

    private static IncidentReport Report(string country, string place, double lat, double lon, string category, string? area = null)
    {
        var report = SampleReports.Przewodow();
        report.Category = category;
        report.Attribution = null;
        report.Location = new IncidentReport.ReportLocation { Country = country, Place = place, Lat = lat, Lon = lon };
        if (area is not null)
        {
            report.Area = System.Text.Json.JsonSerializer.Deserialize<Core.Domain.Areas.AreaDocument>(area, Core.Domain.AlertsJson.Options);
        }

        return report;
    }

    [Fact]
    public async Task AreasOfInterest_AreToldExactlyOfTheIncidentsThatReachThem()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await RunningServer.StartAsync(PipelineSettings.With());
        foreach (var (name, filters) in Interests)
        {
            await server.Subscribe($$$"""{"name":"{{{name}}}","channel":"webhook","url":"{{{receiver.BaseUrl}}}{{{name}}}","filters":{{{filters}}}}""");
        }

        // Przewodów's point lies on the eastern edge of west-of-przewodow; the drone's point 12 km east is outside
        // przewodow-10km and east-of-the-border, but its 8 km area reaches into both.
        var incidents = new Dictionary<string, string[]>();
        async Task Post(string what, IncidentReport report, params string[] told) =>
            incidents[(await server.Report(report)).GetProperty("incidentId").GetString()!] = [what, .. told];
        await Post("impact at Przewodów", Report("PL", "Przewodów", 50.4717, 23.9336, "missile-impact"), "przewodow-10km", "west-of-przewodow");
        await Post("drone near the border", Report("PL", "Dołhobyczów", 50.5, 24.1, "drone-incursion", """{"type":"Circle","coordinates":[24.1,50.5],"radiusKm":8}"""), "przewodow-10km", "east-of-the-border");
        await Post("impact on Taveuni, west of 180°", Report("FJ", "Taveuni", -17, -179.8, "missile-impact"), "fiji-across-180", "fiji-or-near-the-drone");
        await Post("impact 26 km from Longyearbyen", Report("SJ", "Adventdalen", 78.22, 16.8, "missile-impact"), "longyearbyen-30km");
        await Post("drone 37 km from Longyearbyen", Report("SJ", "Sassendalen", 78.22, 17.3, "drone-incursion"), "fiji-or-near-the-drone");

        // A CAP alert whose polygon reaches into the Vilnius circle (its centre, 54 km away, would not).
        var cap = CapDocuments.Alert("LT-AREA-1", CapDocuments.Info(
            area: "<area><areaDesc>Šalčininkai</areaDesc><polygon>54.1,25.2 54.3,25.2 54.3,25.4 54.1,25.4 54.1,25.2</polygon><geocode><valueName>ISO3166-1</valueName><value>LT</value></geocode></area>",
            @event: "Drone incursion"));
        var posted = await server.PostCap(cap);
        incidents[(await posted.Json()).GetProperty("incidentId").GetString()!] = ["CAP drone near Vilnius", "vilnius-50km"];

        foreach (var (id, expected) in incidents)
        {
            var rows = await Eventually.Until(
                () => server.Deliveries(id),
                r => r.Count == expected.Length - 1 && r.All(d => d.GetProperty("status").GetString() == "delivered"),
                TimeSpan.FromMinutes(2));
            var told = receiver.Requests
                .Where(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("incidentId").GetString() == id)
                .Select(r => r.Path.TrimStart('/'))
                .Order(StringComparer.Ordinal);
            Assert.True(told.SequenceEqual(expected[1..].Order(StringComparer.Ordinal)), $"{expected[0]}: told {string.Join(", ", told)}; expected {string.Join(", ", expected[1..])}");
            Assert.Equal(expected.Length - 1, rows.Count);
        }
    }
}
