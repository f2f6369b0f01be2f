using System.ComponentModel.DataAnnotations;

namespace Alerts.Core.Pipeline.Release;

/// <summary>The safety net for lost release messages (section <c>Release</c>).</summary>
public sealed class ReleaseSweepOptions
{
    public const string SectionName = "Release";

    /// <summary>
    /// How often the standalone server sweeps: by default as often as the Functions timer (<see cref="ReleaseSweep.Schedule"/>);
    /// tests and demos may sweep more often.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = ReleaseSweep.Interval;

    /// <summary>How long past its hold an incident must be before the sweep takes it, so the queue gets its chance first.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromSeconds(10);
}
