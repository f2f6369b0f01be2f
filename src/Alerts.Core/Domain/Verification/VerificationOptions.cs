using System.ComponentModel.DataAnnotations;

namespace Alerts.Core.Domain.Verification;

/// <summary>Which incidents need an analyst, and when reports belong to the same incident (section <c>Verification</c>).</summary>
public sealed class VerificationOptions
{
    public const string SectionName = "Verification";

    /// <summary>
    /// Categories that never release on their own: when the hold ends they await an analyst's confirmation.
    /// With <see cref="ConfirmationRule.AttributedOnly"/>, only when the report names a suspected actor.
    /// </summary>
    public List<ConfirmationRule> ConfirmationRequired { get; set; } = [];

    /// <summary>Reports this close (great-circle distance) may describe the same event.</summary>
    [Range(0.0, 1000.0)]
    public double CorrelationDistanceKm { get; set; } = 25;

    /// <summary>Reports whose event times lie this close may describe the same event.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan CorrelationWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long after receipt an incident still takes in reports about the same event (also after release).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan OpenFor { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Groups of categories that may describe the same event, e.g. <c>missile-impact,artillery-fire</c>: a report in
    /// another category of the group joins the incident and contests it. Each entry is a comma-separated group.
    /// </summary>
    public List<string> CompatibleCategories { get; set; } = [];

    public sealed class ConfirmationRule
    {
        public string Category { get; set; } = string.Empty;

        public bool AttributedOnly { get; set; }
    }
}
