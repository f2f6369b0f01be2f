using Alerts.Core.Pipeline.Intake;
using Alerts.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Pipeline.Intake;

public class ReportValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly ReportValidator validator = new(Options.Create(new IntakeOptions()), new FakeTimeProvider(Now));

    private static IncidentReport Valid() => SampleReports.Przewodow("r-1", Now.AddMinutes(-10));

    [Fact]
    public void Validate_SampleReport_IsValidAndCarriesTheFacts()
    {
        var result = validator.Validate(Valid());

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
        var facts = result.Report!.Facts;
        Assert.Equal("r-1", result.Report.ReportId);
        Assert.Equal(Alerts.Core.Domain.Incidents.Severity.Extreme, facts.Severity);
        Assert.Equal(Alerts.Core.Domain.Incidents.Certainty.Possible, facts.Certainty);
        Assert.Equal("PL", facts.Location.Country);
        Assert.Equal(2, facts.Casualties!.Killed);
        Assert.Equal('C', facts.Source!.Reliability);
    }

    public static TheoryData<string, Action<IncidentReport>> InvalidFields => new()
    {
        { "reportId", r => r.ReportId = null },
        { "reportId", r => r.ReportId = "has space" },
        { "reportId", r => r.ReportId = "a/b" },
        { "reportId", r => r.ReportId = new string('x', 129) },
        { "occurredAt", r => r.OccurredAt = null },
        { "occurredAt", r => r.OccurredAt = Now.AddHours(1) },
        { "occurredAt", r => r.OccurredAt = Now.AddDays(-30) },
        { "category", r => r.Category = null },
        { "category", r => r.Category = "meteor" },
        { "severity", r => r.Severity = null },
        { "severity", r => r.Severity = "catastrophic" },
        { "severity", r => r.Severity = "4" },
        { "certainty", r => r.Certainty = "" },
        { "certainty", r => r.Certainty = "sure" },
        { "urgency", r => r.Urgency = "now" },
        { "location", r => r.Location = null },
        { "location.country", r => r.Location!.Country = null },
        { "location.country", r => r.Location!.Country = "XX" },
        { "location.country", r => r.Location!.Country = "POL" },
        { "location.place", r => r.Location!.Place = " " },
        { "location.place", r => r.Location!.Place = new string('p', 201) },
        { "location.lat", r => r.Location!.Lat = null },
        { "location.lat", r => r.Location!.Lat = 90.5 },
        { "location.lat", r => r.Location!.Lat = double.NaN },
        { "location.lon", r => r.Location!.Lon = -180.01 },
        { "summary", r => r.Summary = null },
        { "summary", r => r.Summary = new string('s', 2001) },
        { "casualties.killed", r => r.Casualties!.Killed = -1 },
        { "casualties.injured", r => r.Casualties!.Injured = 2_000_000 },
        { "attribution.actor", r => r.Attribution!.Actor = "" },
        { "attribution.confidence", r => r.Attribution!.Confidence = "certain" },
        { "details", r => r.Details = new string('d', 8001) },
        { "source.reliability", r => r.Source!.Reliability = "G" },
        { "source.reliability", r => r.Source!.Reliability = "AB" },
        { "source.credibility", r => r.Source!.Credibility = 0 },
        { "source.credibility", r => r.Source!.Credibility = 7 },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public void Validate_InvalidField_NamesThatFieldOnly(string field, Action<IncidentReport> spoil)
    {
        var report = Valid();
        spoil(report);

        var result = validator.Validate(report);

        Assert.False(result.IsValid);
        Assert.Equal([field], result.Errors.Keys);
        Assert.All(result.Errors[field], m => Assert.False(string.IsNullOrWhiteSpace(m)));
    }

    [Fact]
    public void Validate_EmptyReport_NamesEveryRequiredField()
    {
        var result = validator.Validate(new IncidentReport());

        Assert.Equal(
            new[] { "category", "certainty", "location", "occurredAt", "reportId", "severity", "summary" },
            result.Errors.Keys.Order());
    }

    [Fact]
    public void Validate_OptionalFieldsAbsent_IsValid()
    {
        var report = Valid();
        report.Casualties = null;
        report.Attribution = null;
        report.Source = null;
        report.Urgency = null;
        report.Details = null;

        Assert.True(validator.Validate(report).IsValid);
    }

    [Fact]
    public void Validate_LowerCaseCountry_IsNormalised()
    {
        var report = Valid();
        report.Location!.Country = "pl";

        Assert.Equal("PL", validator.Validate(report).Report!.Facts.Location.Country);
    }
}
