using Alerts.Core.Domain.Deliveries;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Domain.Deliveries;

public class RetryScheduleTests
{
    private static readonly TimeSpan[] Defaults =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
    ];

    [Fact]
    public void Defaults_EightRetriesNineAttempts()
    {
        var schedule = Schedule(0.5);

        Assert.Equal(Defaults, schedule.Schedule);
        Assert.Equal(9, schedule.MaxAttempts);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 30)]
    [InlineData(3, 120)]
    [InlineData(4, 600)]
    [InlineData(5, 1800)]
    [InlineData(6, 3600)]
    [InlineData(7, 10800)]
    [InlineData(8, 21600)]
    public void NextDelay_MiddleJitter_IsTheScheduledDelay(int attemptsMade, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Schedule(0.5).NextDelay(attemptsMade, null));

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 24)]
    [InlineData(8, 17280)]
    public void NextDelay_LowestJitter_IsTwentyPercentShorter(int attemptsMade, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Schedule(0.0).NextDelay(attemptsMade, null));

    [Theory]
    [InlineData(1, 6)]
    [InlineData(2, 36)]
    [InlineData(8, 25920)]
    public void NextDelay_HighestJitter_IsAlmostTwentyPercentLonger(int attemptsMade, int seconds)
    {
        var delay = Schedule(0.9999999).NextDelay(attemptsMade, null)!.Value;

        Assert.InRange(delay, TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void NextDelay_RandomJitter_StaysWithinBounds()
    {
        var schedule = new RetrySchedule(Options.Create(new RetryOptions()), new RandomJitterSource());
        var seen = new HashSet<TimeSpan>();
        for (var i = 0; i < 10_000; i++)
        {
            var attemptsMade = (i % Defaults.Length) + 1;
            var delay = schedule.NextDelay(attemptsMade, null)!.Value;
            var scheduled = Defaults[attemptsMade - 1];
            Assert.InRange(delay, scheduled * 0.8, scheduled * 1.2);
            seen.Add(delay);
        }

        Assert.True(seen.Count > 1000, "jitter should spread delays out");
    }

    [Fact]
    public void NextDelay_NoJitterConfigured_IsExactWhateverTheDraw()
    {
        var schedule = new RetrySchedule(Options.Create(new RetryOptions { Jitter = 0 }), new FixedJitter(0.0));

        Assert.Equal(TimeSpan.FromSeconds(5), schedule.NextDelay(1, null));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(100)]
    public void NextDelay_ScheduleUsedUp_IsNull(int attemptsMade) =>
        Assert.Null(Schedule(0.5).NextDelay(attemptsMade, TimeSpan.FromSeconds(1)));

    [Fact]
    public void NextDelay_BeforeAnyAttempt_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule(0.5).NextDelay(0, null));

    [Theory]
    [InlineData(1, 120, 120)] // the receiver asked for longer: it wins
    [InlineData(1, 3, 5)] // the receiver asked for less: the schedule wins
    [InlineData(6, 600, 3600)]
    [InlineData(2, 0, 30)]
    public void NextDelay_RetryAfter_WinsWhenLonger(int attemptsMade, int retryAfterSeconds, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Schedule(0.5).NextDelay(attemptsMade, TimeSpan.FromSeconds(retryAfterSeconds)));

    [Fact]
    public void NextDelay_JitterPastTheCeiling_IsCutToTheCeiling()
    {
        var options = new RetryOptions { Schedule = [RetryOptions.Ceiling], Jitter = 1 };
        var schedule = new RetrySchedule(Options.Create(options), new FixedJitter(0.99));

        Assert.Equal(RetryOptions.Ceiling, schedule.NextDelay(1, null));
    }

    [Fact]
    public void NextDelay_ConfiguredSchedule_ReplacesTheDefault()
    {
        var options = new RetryOptions { Schedule = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)] };
        var schedule = new RetrySchedule(Options.Create(options), new FixedJitter(0.5));

        Assert.Equal(3, schedule.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), schedule.NextDelay(2, null));
        Assert.Null(schedule.NextDelay(3, null));
    }

    private static RetrySchedule Schedule(double draw) => new(Options.Create(new RetryOptions()), new FixedJitter(draw));

    private sealed class FixedJitter(double value) : IJitterSource
    {
        public double Next() => value;
    }
}
