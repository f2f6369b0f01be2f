using Alerts.Core.Domain.Deliveries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Domain.Deliveries;

public class RetryOptionsTests
{
    [Fact]
    public void Bind_ConfiguredSchedule_ReplacesTheDefaultInsteadOfAppending()
    {
        var options = Bind(new() { ["Retry:Schedule:0"] = "00:00:01", ["Retry:Schedule:1"] = "00:00:02" });

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], options.EffectiveSchedule);
    }

    [Fact]
    public void Bind_NothingConfigured_GivesTheDefaults()
    {
        var options = Bind([]);

        Assert.Equal(RetryOptions.DefaultSchedule, options.EffectiveSchedule);
        Assert.Equal(8, options.EffectiveSchedule.Count);
        Assert.Equal(TimeSpan.FromSeconds(5), options.EffectiveSchedule[0]);
        Assert.Equal(TimeSpan.FromHours(6), options.EffectiveSchedule[^1]);
        Assert.Equal(0.2, options.Jitter);
    }

    [Fact]
    public void Bind_Jitter()
    {
        Assert.Equal(0.5, Bind(new() { ["Retry:Jitter"] = "0.5" }).Jitter);
    }

    [Theory]
    [InlineData("Retry:Schedule:2", "00:00:00", "Retry:Schedule:2 must be a TimeSpan greater than zero and at most 6 days (was '00:00:00').")]
    [InlineData("Retry:Schedule:2", "-00:00:05", "Retry:Schedule:2 must be a TimeSpan greater than zero and at most 6 days (was '-00:00:05').")]
    [InlineData("Retry:Schedule:2", "7.00:00:00", "Retry:Schedule:2 must be a TimeSpan greater than zero and at most 6 days (was '7.00:00:00').")]
    [InlineData("Retry:Jitter", "1.5", "Retry:Jitter must be a number from 0 to 1 (was '1.5').")]
    [InlineData("Retry:Jitter", "-0.1", "Retry:Jitter must be a number from 0 to 1 (was '-0.1').")]
    [InlineData("Retry:Jitter", "NaN", "Retry:Jitter must be a number from 0 to 1 (was 'NaN').")]
    public void Validate_BadSetting_FailsNamingIt(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Retry:Schedule:0"] = "00:00:01",
            ["Retry:Schedule:1"] = "00:00:02",
            ["Retry:Schedule:2"] = "00:00:03",
            [key] = value,
        };

        var e = Assert.Throws<OptionsValidationException>(() => Bind(settings));

        Assert.Equal([message], e.Failures);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    public void Validate_JitterAndDelayAtTheBounds_Pass(string jitter)
    {
        var options = Bind(new() { ["Retry:Jitter"] = jitter, ["Retry:Schedule:0"] = "6.00:00:00" });

        Assert.Equal(double.Parse(jitter), options.Jitter);
        Assert.Equal([RetryOptions.Ceiling], options.EffectiveSchedule);
        Assert.True(new RetryOptionsValidator().Validate(null, options).Succeeded);
    }

    private static RetryOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddOptions<RetryOptions>().Bind(configuration.GetSection(RetryOptions.SectionName));
        services.AddSingleton<IValidateOptions<RetryOptions>, RetryOptionsValidator>();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RetryOptions>>().Value;
    }
}
