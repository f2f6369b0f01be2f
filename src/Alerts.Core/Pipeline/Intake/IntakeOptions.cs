using System.ComponentModel.DataAnnotations;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>Limits applied to incoming reports (section <c>Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>Largest accepted request body; a table string property holds at most 64 KiB.</summary>
    [Range(1024, 60 * 1024)]
    public int MaxBodyBytes { get; set; } = 32 * 1024;

    /// <summary>How far in the future <c>occurredAt</c> may lie, for reporters' clock skew.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old a report may be and still open an incident.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan MaxReportAge { get; set; } = TimeSpan.FromDays(7);
}
