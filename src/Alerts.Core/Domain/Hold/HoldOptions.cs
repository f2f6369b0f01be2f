namespace Alerts.Core.Domain.Hold;

/// <summary>
/// How long incidents are held for verification (section <c>Hold</c>): a base per CAP severity, adjusted by the
/// source's Admiralty grading and the report's certainty, shortened per independent corroboration, kept within bounds.
/// </summary>
public sealed class HoldOptions
{
    public const string SectionName = "Hold";

    /// <summary>Longest hold any setting may ask for.</summary>
    public static readonly TimeSpan Ceiling = TimeSpan.FromDays(30);

    /// <summary>Base hold for each CAP severity.</summary>
    public SeverityHolds BySeverity { get; set; } = new();

    /// <summary>Added per source reliability A (completely reliable) … F (cannot be judged); negative shortens.</summary>
    public Dictionary<string, TimeSpan> ByReliability { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["A"] = TimeSpan.FromMinutes(-3), ["B"] = TimeSpan.FromMinutes(-1), ["C"] = TimeSpan.Zero,
        ["D"] = TimeSpan.FromMinutes(5), ["E"] = TimeSpan.FromMinutes(10), ["F"] = TimeSpan.FromMinutes(5),
    };

    /// <summary>Added per information credibility 1 (confirmed) … 6 (cannot be judged).</summary>
    public Dictionary<string, TimeSpan> ByCredibility { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["1"] = TimeSpan.FromMinutes(-3), ["2"] = TimeSpan.FromMinutes(-1), ["3"] = TimeSpan.Zero,
        ["4"] = TimeSpan.FromMinutes(5), ["5"] = TimeSpan.FromMinutes(10), ["6"] = TimeSpan.FromMinutes(5),
    };

    /// <summary>Added per CAP certainty.</summary>
    public Dictionary<string, TimeSpan> ByCertainty { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Observed"] = TimeSpan.FromMinutes(-2), ["Likely"] = TimeSpan.Zero, ["Possible"] = TimeSpan.FromMinutes(3),
        ["Unlikely"] = TimeSpan.FromMinutes(10), ["Unknown"] = TimeSpan.FromMinutes(5),
    };

    /// <summary>Subtracted for each independent reporter that corroborates (a positive value).</summary>
    public TimeSpan PerCorroboration { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Added to the remaining hold when a report contradicts the incident's key facts.</summary>
    public TimeSpan ContestedExtension { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>No hold is shorter than this (from receipt), whatever the adjustments.</summary>
    public TimeSpan Minimum { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>No computed hold is longer than this (an analyst may still extend beyond it).</summary>
    public TimeSpan Maximum { get; set; } = TimeSpan.FromHours(2);

    /// <summary>When set, every hold is exactly this long (demos and tests).</summary>
    public TimeSpan? Override { get; set; }

    public sealed class SeverityHolds
    {
        public TimeSpan Extreme { get; set; } = TimeSpan.FromMinutes(5);
        public TimeSpan Severe { get; set; } = TimeSpan.FromMinutes(10);
        public TimeSpan Moderate { get; set; } = TimeSpan.FromMinutes(15);
        public TimeSpan Minor { get; set; } = TimeSpan.FromMinutes(30);
        public TimeSpan Unknown { get; set; } = TimeSpan.FromMinutes(30);
    }
}
