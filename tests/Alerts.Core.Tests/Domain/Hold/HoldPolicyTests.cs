using Alerts.Core.Domain.Hold;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Tests.Domain.Incidents;
using Alerts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Domain.Hold;

public class HoldPolicyTests
{
    private static IncidentFacts Facts(Severity severity)
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        var report = SampleReports.Przewodow("r", now);
        report.Severity = severity.ToString().ToLowerInvariant();
        return new ReportValidator(Options.Create(new IntakeOptions()), new FakeTimeProvider(now)).Validate(report).Report!.Facts;
    }

    private static HoldPolicy Policy(HoldOptions options) => new(new FixedOptions<HoldOptions>(options));

    /// <summary>Base (per severity) + reliability + credibility + certainty − corroborations, within [2 min, 2 h]: the default policy.</summary>
    [Theory]
    [InlineData(Severity.Extreme, "C3", "possible", 0, 8, "held 8 min: severity extreme, source C3, certainty possible")]
    [InlineData(Severity.Extreme, "A1", "observed", 0, 2, "held 2 min (minimum): severity extreme, source A1, certainty observed")]
    [InlineData(Severity.Extreme, "B2", "likely", 0, 3, "held 3 min: severity extreme, source B2, certainty likely")]
    [InlineData(Severity.Severe, "C3", "likely", 0, 10, "held 10 min: severity severe, source C3, certainty likely")]
    [InlineData(Severity.Severe, "E5", "unlikely", 0, 40, "held 40 min: severity severe, source E5, certainty unlikely")]
    [InlineData(Severity.Severe, "F6", "unknown", 0, 25, "held 25 min: severity severe, source F6, certainty unknown")]
    [InlineData(Severity.Moderate, "D4", "possible", 0, 28, "held 28 min: severity moderate, source D4, certainty possible")]
    [InlineData(Severity.Minor, "E5", "unlikely", 0, 60, "held 60 min: severity minor, source E5, certainty unlikely")]
    [InlineData(Severity.Unknown, "F6", "unknown", 0, 45, "held 45 min: severity unknown, source F6, certainty unknown")]
    [InlineData(Severity.Severe, "C3", "likely", 1, 7, "held 7 min: severity severe, source C3, certainty likely, 1 independent corroboration")]
    [InlineData(Severity.Severe, "C3", "likely", 5, 2, "held 2 min (minimum): severity severe, source C3, certainty likely, 5 independent corroborations")]
    public void Decide_DefaultPolicy_SeverityGradingCertaintyAndBounds(Severity severity, string grading, string certainty, int corroborations, int minutes, string reason)
    {
        var facts = Facts(severity) with { Source = SourceGradingParser.TryParse(grading), Certainty = Enum.Parse<Certainty>(certainty, ignoreCase: true) };

        var decision = Policy(new HoldOptions()).Decide(facts, corroborations);

        Assert.Equal(TimeSpan.FromMinutes(minutes), decision.Duration);
        Assert.Equal(reason, decision.Reason);
    }

    [Fact]
    public void Decide_LongHoldBeyondMaximum_IsCappedAndSaysSo()
    {
        var options = new HoldOptions { Maximum = TimeSpan.FromMinutes(30) };
        var facts = Facts(Severity.Minor) with { Source = new SourceGrading('E', 5), Certainty = Certainty.Unlikely };

        var decision = Policy(options).Decide(facts);

        Assert.Equal(TimeSpan.FromMinutes(30), decision.Duration);
        Assert.StartsWith("held 30 min (maximum):", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoGrading_CountsAsF6()
    {
        var facts = Facts(Severity.Severe) with { Source = null, Certainty = Certainty.Likely };

        var decision = Policy(new HoldOptions()).Decide(facts);

        Assert.Equal(TimeSpan.FromMinutes(20), decision.Duration);
        Assert.Contains("source F6 (ungraded)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OverrideSet_WinsOverSeverity()
    {
        var decision = Policy(new HoldOptions { Override = TimeSpan.FromSeconds(3) }).Decide(Facts(Severity.Minor));

        Assert.Equal(TimeSpan.FromSeconds(3), decision.Duration);
        Assert.Equal("held 3 s: fixed by Hold:Override", decision.Reason);
    }

    [Theory]
    [InlineData(90, "90 s")]
    [InlineData(600, "10 min")]
    [InlineData(7200, "2 h")]
    [InlineData(9000, "2 h 30 min")]
    public void Describe_ReadsShort(int seconds, string expected) =>
        Assert.Equal(expected, HoldPolicy.Describe(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Validator_ZeroOrNegativeHold_FailsNamingTheSetting()
    {
        var options = new HoldOptions { Override = TimeSpan.Zero };
        options.BySeverity.Minor = TimeSpan.FromMinutes(-1);

        var result = new HoldOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Hold:BySeverity:Minor", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Hold:Override", StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_MissingOrUnknownGrade_AndMinimumAboveMaximum_Fail()
    {
        var options = new HoldOptions { Minimum = TimeSpan.FromHours(3) };
        options.ByReliability.Remove("C");
        options.ByCredibility["7"] = TimeSpan.Zero;

        var failures = new HoldOptionsValidator().Validate(null, options).Failures!;

        Assert.Contains(failures, f => f.StartsWith("Hold:ByReliability:C is missing", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Hold:ByCredibility:7", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Hold:Minimum", StringComparison.Ordinal));
    }

    [Fact]
    public void Binding_OneAdjustment_KeepsTheOtherDefaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hold:ByReliability:A"] = "-00:10:00" })
            .Build();
        var options = new HoldOptions();

        ConfigurationBinder.Bind(configuration.GetSection("Hold"), options);

        Assert.Equal(TimeSpan.FromMinutes(-10), options.ByReliability["A"]);
        Assert.Equal(6, options.ByReliability.Count);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ByReliability["D"]);
        Assert.True(new HoldOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(null, null, "until")]
    [InlineData("2026-11-26T13:00:00Z", "00:10:00", "until")]
    [InlineData(null, "00:00:00", "by")]
    [InlineData(null, "-00:01:00", "by")]
    [InlineData(null, "30.00:00:01", "by")]
    [InlineData(null, "30.00:00:00", null)]
    [InlineData(null, "00:00:01", null)]
    [InlineData("2026-11-26T13:00:00Z", null, null)]
    public void CheckExtension_OneOfUntilOrBy_ByAtMost30Days(string? until, string? by, string? wrongField)
    {
        var problem = HoldPolicy.CheckExtension(until is null ? null : DateTimeOffset.Parse(until), by is null ? null : TimeSpan.Parse(by));

        Assert.Equal(wrongField, problem?.Field);
    }

    /// <summary>Held until 12:08; now 12:05 or (hold passed) 12:10. At most 30 days past the later of the two, by either form.</summary>
    [Theory]
    [InlineData(5, null, 10, "12:18", null)]
    [InlineData(10, null, 10, "12:20", null)]
    [InlineData(5, "12:30", null, "12:30", null)]
    [InlineData(5, "12:08", null, null, "later")]
    [InlineData(5, "12:07", null, null, "later")]
    [InlineData(10, "12:09", null, null, "later")]
    [InlineData(5, "2026-12-26T12:08", null, "2026-12-26T12:08", null)]
    [InlineData(5, "2026-12-26T12:09", null, null, "30 days")]
    [InlineData(10, "2026-12-26T12:10", null, "2026-12-26T12:10", null)]
    [InlineData(5, "2029-11-26T12:00", null, null, "30 days")]
    public void Extended_MovesTheEndLater_AtMost30DaysPastIt(int nowMinute, string? until, int? byMinutes, string? end, string? error)
    {
        static DateTimeOffset At(string time) => DateTimeOffset.Parse((time.Contains('T', StringComparison.Ordinal) ? time : "2026-11-26T" + time) + ":00Z");
        var incident = SampleIncidents.In(IncidentStatus.Held);
        var now = SampleIncidents.Received.AddMinutes(nowMinute);

        var (extended, wrong) = HoldPolicy.Extended(incident, until is null ? null : At(until), byMinutes is null ? null : TimeSpan.FromMinutes(byMinutes.Value), now);

        Assert.Equal(end is null ? null : At(end), extended);
        if (error is null)
        {
            Assert.Null(wrong);
        }
        else
        {
            Assert.Contains(error, wrong, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(5, "2026-11-26T12:23:00Z")]
    [InlineData(10, "2026-11-26T12:25:00Z")]
    public void Contested_RunsTheExtensionPastTheLaterOfHoldEndAndNow(int nowMinute, string until)
    {
        var incident = SampleIncidents.In(IncidentStatus.Held);

        var contested = Policy(new HoldOptions()).Contested(incident, "attributed to X vs Y", SampleIncidents.Received.AddMinutes(nowMinute));

        Assert.Equal(DateTimeOffset.Parse(until), contested.HoldUntil);
        Assert.StartsWith("contested (attributed to X vs Y): held ", contested.HoldReason, StringComparison.Ordinal);
    }

    /// <summary>C3 extreme possible: 8 min alone; with one corroboration credibility becomes 2 (−1 min) and 3 min come off.</summary>
    [Theory]
    [InlineData(1, 2, 0, 4)]
    [InlineData(2, 1, 0, 2)]
    [InlineData(1, 2, 6, 6)]
    public void Corroborated_RaisesCredibilityAndBringsTheHoldForward_NeverBeforeNowOrTheMinimum(int corroborations, int credibility, int nowMinute, int holdMinutes)
    {
        var incident = SampleIncidents.In(IncidentStatus.Held) with { Corroborations = corroborations };

        var corroborated = Policy(new HoldOptions()).Corroborated(incident, SampleIncidents.Received.AddMinutes(nowMinute));

        Assert.Equal(credibility, corroborated.Facts.Source!.Credibility);
        Assert.Equal(SampleIncidents.Received.AddMinutes(holdMinutes), corroborated.HoldUntil);
    }
}
