using Alerts.Core.Security;

namespace Alerts.Core.Tests.Security;

public class RateLimitOptionsTests
{
    [Fact]
    public void TheDefaults_AreValid_AndAReporterMaySendTheMost()
    {
        var options = new RateLimitOptions();

        Assert.True(new RateLimitOptionsValidator().Validate(null, options).Succeeded);
        Assert.All(options.All, limit => Assert.True(options.Reporter.Burst >= limit.Limit.Burst));
        Assert.Same(options.Feed, options.For(ApiRole.Feed));
    }

    [Theory]
    [InlineData(0, 5, "RateLimits:Analyst:Burst")]
    [InlineData(10, 0, "RateLimits:Analyst:PerSecond")]
    [InlineData(2_000_000, 5, "RateLimits:Analyst:Burst")]
    public void ALimitOutOfRange_FailsStartUp_NamingTheSetting(int burst, int perSecond, string setting)
    {
        var options = new RateLimitOptions { Analyst = new() { Burst = burst, PerSecond = perSecond } };

        var result = new RateLimitOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }
}
