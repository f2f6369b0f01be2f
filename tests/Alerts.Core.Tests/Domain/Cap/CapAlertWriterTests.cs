using System.Xml.Linq;
using Alerts.Core.Domain.Areas;
using Alerts.Core.Domain.Cap;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Tests.Domain.Areas;

namespace Alerts.Core.Tests.Domain.Cap;

/// <summary>Every kind of CAP document the service sends is valid against the official CAP 1.2 schema, and says what it should.</summary>
public class CapAlertWriterTests
{
    private const string Sender = "alerts.example.org";
    private static readonly XNamespace Cap = CapNames.Namespace;
    private static readonly DateTimeOffset Issued = new(2022, 11, 15, 15, 40, 0, TimeSpan.Zero);

    private static IncidentFacts Facts(string kind) => new(
        Issued.AddMinutes(-20), IncidentCategories.MissileImpact, Severity.Extreme, Certainty.Likely, Urgency.Immediate,
        new IncidentLocation("PL", "Przewodów", 50.4717, 23.9336), "Missile struck a grain dryer; two killed.",
        kind == "minimal" ? null : new Casualties(2, 0),
        kind == "minimal" ? null : new Attribution("Ukrainian air-defence missile", Certainty.Likely),
        kind == "minimal" ? null : "Details & more <details>.",
        kind == "minimal" ? null : new SourceGrading('B', 2),
        Exercise: kind == "exercise",
        Area: kind switch
        {
            "polygon" => new IncidentArea([Shapes.Parse("polygon 50.4,23.8 50.6,23.8 50.6,24.1 50.4,23.8")], "Hrubieszów county", [new Geocode(CapGeocodes.Subdivision, "PL-LU")]),
            "circle" => new IncidentArea([Shapes.Parse("circle 50.4717,23.9336 5"), Shapes.Parse("circle 50.5,24 1")]),
            _ => null,
        },
        Language: kind == "translated" ? "en-GB" : null,
        Translations: kind == "translated" ? [new FactsTranslation("pl-PL", "Rakieta uderzyła w suszarnię zboża; dwie ofiary.", "Szczegóły."), new FactsTranslation("uk-UA", "Ракета влучила в зерносушарку.", null)] : null);

    private static AlertNotice Notice(string type, string kind, int number) => new(
        type, "inc-0m4x8q2b7c1d-k3j9x2", number == 1 ? 1 : number - 1, Facts(kind), Issued.AddMinutes(number), type == NoticeTypes.Alert ? null : number - 2,
        "https://alerts.example.org/api/incidents/inc-0m4x8q2b7c1d-k3j9x2",
        Enumerable.Range(1, number - 1).Select(n => new NoticeStamp(n, Issued.AddMinutes(n))).ToList(), number);

    [Theory]
    [InlineData(NoticeTypes.Alert, "full", 1, "Alert", "Actual")]
    [InlineData(NoticeTypes.Alert, "minimal", 1, "Alert", "Actual")]
    [InlineData(NoticeTypes.Alert, "exercise", 1, "Alert", "Exercise")]
    [InlineData(NoticeTypes.Alert, "polygon", 1, "Alert", "Actual")]
    [InlineData(NoticeTypes.Alert, "circle", 1, "Alert", "Actual")]
    [InlineData(NoticeTypes.Alert, "translated", 1, "Alert", "Actual")]
    [InlineData(NoticeTypes.Update, "full", 2, "Update", "Actual")]
    [InlineData(NoticeTypes.Update, "exercise", 3, "Update", "Exercise")]
    [InlineData(NoticeTypes.Cancel, "full", 3, "Cancel", "Actual")]
    [InlineData(NoticeTypes.Cancel, "exercise", 2, "Cancel", "Exercise")]
    public void Write_EveryKind_IsValidCap12_WithItsTypeStatusAndScope(string type, string kind, int number, string msgType, string status)
    {
        var bytes = CapAlertWriter.Serialize(Notice(type, kind, number), Sender);

        var read = CapDocumentReader.Read(bytes);

        Assert.True(read.IsValid, string.Join("; ", read.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        var alert = read.Document!.Root!;
        Assert.Equal($"inc-0m4x8q2b7c1d-k3j9x2.{number}", alert.Element(Cap + "identifier")!.Value);
        Assert.Equal(msgType, alert.Element(Cap + "msgType")!.Value);
        Assert.Equal(status, alert.Element(Cap + "status")!.Value);
        Assert.Equal("Restricted", alert.Element(Cap + "scope")!.Value);
        Assert.Equal(CapAlertWriter.Restriction, alert.Element(Cap + "restriction")!.Value);
        Assert.Equal(kind == "translated" ? 3 : 1, alert.Elements(Cap + "info").Count());
    }

    [Fact]
    public void Write_ACorrection_ReferencesEveryEarlierPublicNotice_AsSenderIdentifierSent()
    {
        var alert = CapAlertWriter.Write(Notice(NoticeTypes.Cancel, "full", 3), Sender).Root!;

        Assert.Equal(
            "alerts.example.org,inc-0m4x8q2b7c1d-k3j9x2.1,2022-11-15T15:41:00+00:00 alerts.example.org,inc-0m4x8q2b7c1d-k3j9x2.2,2022-11-15T15:42:00+00:00",
            alert.Element(Cap + "references")!.Value);
        Assert.Null(CapAlertWriter.Write(Notice(NoticeTypes.Alert, "full", 1), Sender).Root!.Element(Cap + "references"));
    }

    [Fact]
    public void Write_TheFacts_GoWhereCapReadersLookForThem()
    {
        var info = CapAlertWriter.Write(Notice(NoticeTypes.Alert, "polygon", 1), Sender).Root!.Element(Cap + "info")!;
        string Parameter(string name) => info.Elements(Cap + "parameter").Single(p => p.Element(Cap + "valueName")!.Value == name).Element(Cap + "value")!.Value;

        Assert.Equal("Security", info.Element(Cap + "category")!.Value);
        Assert.Equal("Missile impact", info.Element(Cap + "event")!.Value);
        Assert.Equal("missile-impact", info.Element(Cap + "eventCode")!.Element(Cap + "value")!.Value);
        Assert.Equal("Extreme", info.Element(Cap + "severity")!.Value);
        Assert.Equal("2022-11-15T15:20:00+00:00", info.Element(Cap + "onset")!.Value);
        Assert.Equal("Missile struck a grain dryer; two killed.", info.Element(Cap + "headline")!.Value);
        Assert.Equal("Details & more <details>.", info.Element(Cap + "description")!.Value);
        Assert.Equal("Ukrainian air-defence missile", Parameter(CapParameters.AttributionActor));
        Assert.Equal("2", Parameter(CapParameters.Killed));
        Assert.Equal("B2", Parameter(CapParameters.SourceGrading));
        var area = info.Element(Cap + "area")!;
        Assert.Equal("Hrubieszów county", area.Element(Cap + "areaDesc")!.Value);
        Assert.Equal("50.4,23.8 50.6,23.8 50.6,24.1 50.4,23.8", area.Element(Cap + "polygon")!.Value);
        Assert.Equal(["ISO3166-1=PL", "ISO3166-2=PL-LU"], area.Elements(Cap + "geocode").Select(g => $"{g.Element(Cap + "valueName")!.Value}={g.Element(Cap + "value")!.Value}"));
    }

    [Fact]
    public void Write_APointWithoutArea_IsACircleOfRadiusZero() =>
        Assert.Equal("50.4717,23.9336 0", CapAlertWriter.Write(Notice(NoticeTypes.Alert, "full", 1), Sender).Root!.Descendants(Cap + "circle").Single().Value);

    [Fact]
    public void Write_AReview_HasNoCapForm() =>
        Assert.Throws<ArgumentException>(() => CapAlertWriter.Write(Notice(NoticeTypes.Review, "full", 1), Sender));
}
