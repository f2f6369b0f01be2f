using System.ComponentModel.DataAnnotations;

namespace Alerts.Core.Domain.Subscribers;

/// <summary>Subscriber management settings (section <c>Subscribers</c>).</summary>
public sealed class SubscriberOptions
{
    public const string SectionName = "Subscribers";

    /// <summary>How long a rotated-out webhook secret keeps signing next to the new one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SecretRotationGrace { get; set; } = TimeSpan.FromHours(24);
}
