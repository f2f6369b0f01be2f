namespace Alerts.Core.Hold;

/// <summary>How long incidents are held for verification (section <c>Hold</c>).</summary>
public sealed class HoldOptions
{
    public const string SectionName = "Hold";

    /// <summary>Base hold for each CAP severity.</summary>
    public SeverityHolds BySeverity { get; set; } = new();

    /// <summary>When set, every hold is exactly this long (demos and tests).</summary>
    public TimeSpan? Override { get; set; }

    /// <summary>Longest hold any setting may ask for.</summary>
    public static readonly TimeSpan Ceiling = TimeSpan.FromDays(30);

    public sealed class SeverityHolds
    {
        public TimeSpan Extreme { get; set; } = TimeSpan.FromMinutes(5);
        public TimeSpan Severe { get; set; } = TimeSpan.FromMinutes(10);
        public TimeSpan Moderate { get; set; } = TimeSpan.FromMinutes(15);
        public TimeSpan Minor { get; set; } = TimeSpan.FromMinutes(30);
        public TimeSpan Unknown { get; set; } = TimeSpan.FromMinutes(30);
    }
}
