namespace Alerts.Core.Security;

/// <summary>
/// How many requests each API key may make (section <c>RateLimits</c>): a token bucket per key, sized by its role, and
/// one per client address for requests with no key or an unknown one, so keys cannot be probed at speed.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>A reporting system after a large event: a burst, then a steady stream.</summary>
    public RateLimit Reporter { get; set; } = new() { Burst = 200, PerSecond = 50 };

    public RateLimit Analyst { get; set; } = new() { Burst = 100, PerSecond = 20 };

    public RateLimit Admin { get; set; } = new() { Burst = 100, PerSecond = 20 };

    /// <summary>A consumer system polling the feed.</summary>
    public RateLimit Feed { get; set; } = new() { Burst = 60, PerSecond = 5 };

    /// <summary>Per client address, for requests without a valid key.</summary>
    public RateLimit Unknown { get; set; } = new() { Burst = 20, PerSecond = 2 };

    /// <summary>Every limit, by its setting's name.</summary>
    public IEnumerable<(string Name, RateLimit Limit)> All =>
        [(nameof(Reporter), Reporter), (nameof(Analyst), Analyst), (nameof(Admin), Admin), (nameof(Feed), Feed), (nameof(Unknown), Unknown)];

    public RateLimit For(ApiRole role) => role switch
    {
        ApiRole.Reporter => Reporter,
        ApiRole.Analyst => Analyst,
        ApiRole.Admin => Admin,
        _ => Feed,
    };

    /// <summary>A token bucket: <see cref="Burst"/> requests at once, refilled at <see cref="PerSecond"/>.</summary>
    public sealed class RateLimit
    {
        public int Burst { get; set; }

        public int PerSecond { get; set; }
    }
}
