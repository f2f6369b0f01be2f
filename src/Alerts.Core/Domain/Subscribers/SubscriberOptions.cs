using System.ComponentModel.DataAnnotations;

namespace Alerts.Core.Domain.Subscribers;

/// <summary>Subscriber management settings (section <c>Subscribers</c>).</summary>
public sealed class SubscriberOptions
{
    public const string SectionName = "Subscribers";

    /// <summary>How long a rotated-out webhook secret keeps signing next to the new one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SecretRotationGrace { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// A subscriber whose every attempt has failed for this long is disabled, and says why, until an admin enables it
    /// again (its failed deliveries stay, to be redelivered). Zero: never disable for failures (a 410 still does).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(5);
}
