using System.Text.Json;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Cap;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Tests.Domain.Cap;

namespace Alerts.Core.Tests.Pipeline.Intake;

/// <summary>What a CAP alert becomes as a report: every msgType and status, the facts, and each kind of area.</summary>
public class CapReportMapperTests
{
    private static CapSubmission Map(string document)
    {
        var read = CapDocumentReader.Read(CapSamples.Bytes(document));
        Assert.True(read.IsValid, string.Join("; ", read.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return CapReportMapper.Map(read.Document!);
    }

    private const string Referring = "<references>border-guard.example.pl,PL-BG-2022-11-15-001,2022-11-15T15:45:00+01:00</references>";

    [Theory]
    [InlineData("Alert", "", CapIntent.Report, true)]
    [InlineData("Update", Referring, CapIntent.Amendment, true)]
    [InlineData("Cancel", Referring, CapIntent.Withdrawal, false)]
    public void Map_EachMsgTypeWeTake(string msgType, string head, CapIntent intent, bool carriesAReport)
    {
        var submission = Map(CapSamples.Alert(msgType: msgType, head: head));

        Assert.Empty(submission.Errors);
        Assert.Equal(intent, submission.Intent);
        Assert.Equal("border-guard.example.pl,PL-BG-2022-11-15-001", submission.ReportId);
        Assert.Equal(carriesAReport, submission.Report is not null);
        Assert.Equal(msgType == "Alert" ? 0 : 1, submission.References.Count);
    }

    [Theory]
    [InlineData("Actual", false)]
    [InlineData("Exercise", true)]
    public void Map_EachStatusWeTake(string status, bool exercise) =>
        Assert.Equal(exercise, Map(CapSamples.Alert(status: status)).Report!.Exercise);

    [Theory]
    [InlineData("Public")]
    [InlineData("Restricted")]
    [InlineData("Private")]
    public void Map_EveryScope_IsTaken(string scope) =>
        Assert.Empty(Map(CapSamples.Alert().Replace("<scope>Restricted</scope>", $"<scope>{scope}</scope>", StringComparison.Ordinal)).Errors);

    [Fact]
    public void Map_TheFacts_FromThePrimaryInfo_AndTheOtherInfosAsTranslations()
    {
        var translation = CapSamples.Info().Replace("en-GB", "pl-PL", StringComparison.Ordinal).Replace("Missile struck a grain dryer near the Ukrainian border; two killed.", "Rakieta uderzyła w suszarnię zboża.", StringComparison.Ordinal);
        var report = Map(CapSamples.Alert(CapSamples.Info() + translation)).Report!;

        Assert.Equal("missile-impact", report.Category);
        Assert.Equal("extreme", report.Severity);
        Assert.Equal("possible", report.Certainty);
        Assert.Equal("immediate", report.Urgency);
        Assert.Equal("Missile struck a grain dryer near the Ukrainian border; two killed.", report.Summary);
        Assert.Equal("Impact at a farm in Przewodów, Hrubieszów county.", report.Details);
        Assert.Equal("en-GB", report.Language);
        Assert.Equal(new DateTimeOffset(2022, 11, 15, 14, 45, 0, TimeSpan.Zero), report.OccurredAt);
        Assert.Equal((2, 0), (report.Casualties!.Killed, report.Casualties.Injured));
        Assert.Equal(("Russian Federation", "possible"), (report.Attribution!.Actor, report.Attribution.Confidence));
        Assert.Equal(("C", 3), (report.Source!.Reliability, report.Source.Credibility));
        Assert.Equal(("PL", "Przewodów", 50.4717, 23.9336), (report.Location!.Country, report.Location.Place, report.Location.Lat, report.Location.Lon));
        var translated = Assert.Single(report.Translations!);
        Assert.Equal(("pl-PL", "Rakieta uderzyła w suszarnię zboża."), (translated!.Language, translated.Summary));
    }

    [Theory]
    [InlineData("a circle", "<circle>50.4717,23.9336 2</circle><geocode><valueName>ISO3166-1</valueName><value>PL</value></geocode>", "Circle", 50.4717, 23.9336)]
    [InlineData("a polygon (its centre is the point)", "<polygon>50,23 51,23 51,24 50,24 50,23</polygon><geocode><valueName>ISO3166-1</valueName><value>PL</value></geocode>", "Polygon", 50.5, 23.5)]
    [InlineData("a subdivision geocode names the country", "<circle>50.4717,23.9336 0</circle><geocode><valueName>ISO3166-2</valueName><value>PL-LU</value></geocode>", "Circle", 50.4717, 23.9336)]
    [InlineData("a polygon and a circle (the first shape gives the point)", "<polygon>50,23 51,23 51,24 50,24 50,23</polygon><circle>52,21 1</circle><geocode><valueName>ISO 3166-1</valueName><value>pl</value></geocode>", "GeometryCollection", 50.5, 23.5)]
    public void Map_EachKindOfArea_IsKept_AndPlacesTheIncident(string why, string area, string type, double lat, double lon)
    {
        var report = Map(CapSamples.Alert(CapSamples.Info(area: $"<area><areaDesc>Przewodów</areaDesc>{area}</area>"))).Report!;

        Assert.True(report.Location!.Country == "PL", why);
        Assert.Equal(type, report.Area!.Type);
        Assert.Equal(lat, report.Location.Lat!.Value, 4);
        Assert.Equal(lon, report.Location.Lon!.Value, 4);
    }

    [Fact]
    public void Map_GeocodesOtherThanTheCountry_AreKeptWithTheArea()
    {
        var area = "<area><areaDesc>Przewodów</areaDesc><circle>50.4717,23.9336 2</circle><geocode><valueName>ISO3166-1</valueName><value>PL</value></geocode><geocode><valueName>TERYT</valueName><value>0607</value></geocode></area>";

        var report = Map(CapSamples.Alert(CapSamples.Info(area: area))).Report!;

        var kept = JsonSerializer.SerializeToNode(report.Area, AlertsJson.Options)!["geocodes"]!.AsArray();
        Assert.Equal("TERYT", Assert.Single(kept)!["valueName"]!.GetValue<string>());
    }

    [Fact]
    public void ElementOf_NamesTheElementAFieldCameFrom()
    {
        var submission = Map(CapSamples.Alert());

        Assert.Equal("alert/info[1]/headline", submission.ElementOf("summary"));
        Assert.Equal("alert/info[1]/parameter[casualties.killed]", submission.ElementOf("casualties.killed"));
        Assert.Equal("alert/info[1]/area[1]", submission.ElementOf("area.coordinates"));
        Assert.Equal("alert/info[1]/area[1]/geocode[1]", submission.ElementOf("location.country"));
        Assert.Equal("alert", submission.ElementOf("$"));
    }
}
