using Alerts.Core.Hold;
using Alerts.Core.Incidents;
using Alerts.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Alerts.Core.Intake;

namespace Alerts.Core.Tests.Hold;

public class HoldPolicyTests
{
    private static IncidentFacts Facts(Severity severity)
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        var report = SampleReports.Przewodow("r", now);
        report.Severity = severity.ToString().ToLowerInvariant();
        return new ReportValidator(Options.Create(new IntakeOptions()), new FakeTimeProvider(now)).Validate(report).Report!.Facts;
    }

    private static HoldPolicy Policy(HoldOptions options) => new(new StaticOptionsMonitor<HoldOptions>(options));

    [Theory]
    [InlineData(Severity.Extreme, 5, "held 5 min: severity extreme")]
    [InlineData(Severity.Severe, 10, "held 10 min: severity severe")]
    [InlineData(Severity.Moderate, 15, "held 15 min: severity moderate")]
    [InlineData(Severity.Minor, 30, "held 30 min: severity minor")]
    [InlineData(Severity.Unknown, 30, "held 30 min: severity unknown")]
    public void Decide_DefaultOptions_HoldsPerSeverity(Severity severity, int minutes, string reason)
    {
        var decision = Policy(new HoldOptions()).Decide(Facts(severity));

        Assert.Equal(TimeSpan.FromMinutes(minutes), decision.Duration);
        Assert.Equal(reason, decision.Reason);
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

    private sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
