namespace Alerts.Testing;

/// <summary>
/// Rate limits too high to reach, for tests and the benchmark that send many requests with one key on purpose; tests of
/// the limits themselves set their own.
/// </summary>
public static class TestRateLimits
{
    public static IReadOnlyDictionary<string, string> Unreachable { get; } =
        new[] { "Reporter", "Analyst", "Admin", "Feed", "Unknown" }
            .SelectMany(role => new[] { ($"RateLimits:{role}:Burst", "1000000"), ($"RateLimits:{role}:PerSecond", "1000000") })
            .ToDictionary(s => s.Item1, s => s.Item2);
}
