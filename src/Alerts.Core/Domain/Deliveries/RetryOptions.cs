namespace Alerts.Core.Domain.Deliveries;

/// <summary>When failed deliveries are tried again (section <c>Retry</c>).</summary>
public sealed class RetryOptions
{
    public const string SectionName = "Retry";

    /// <summary>Longest single delay: a retry is a queue message whose visibility delay may not exceed 7 days.</summary>
    public static readonly TimeSpan Ceiling = TimeSpan.FromDays(6);

    /// <summary>Alerts are time-critical: the first retries come within seconds, the last about half a day in.</summary>
    public static IReadOnlyList<TimeSpan> DefaultSchedule { get; } =
    [
        TimeSpan.FromSeconds(5),
        TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(3),
        TimeSpan.FromHours(6),
    ];

    /// <summary>
    /// Configured delays before attempts 2, 3, …; empty means <see cref="DefaultSchedule"/>. It starts empty because the
    /// configuration binder appends to a list it finds rather than replacing it. Read <see cref="EffectiveSchedule"/>.
    /// </summary>
    public List<TimeSpan> Schedule { get; set; } = [];

    /// <summary>The delays in force: the configured ones, or the default.</summary>
    public IReadOnlyList<TimeSpan> EffectiveSchedule => Schedule.Count > 0 ? Schedule : DefaultSchedule;

    /// <summary>Each delay varies by up to this fraction either way (0.2 = ±20 %), so retries from one outage spread out.</summary>
    public double Jitter { get; set; } = 0.2;
}
