using System.ComponentModel.DataAnnotations;

namespace Alerts.Core.Pipeline.Delivery.Webhooks;

/// <summary>How webhooks are sent (section <c>Delivery</c>).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Lets webhooks reach loopback and private networks: local runs and tests only.</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>How long one attempt may take, from connecting to reading the response headers.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest <c>Retry-After</c> a receiver may ask for; longer requests are cut to this.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "6.00:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Concurrent connections to one receiver.</summary>
    [Range(1, 10_000)]
    public int MaxConnectionsPerServer { get; set; } = 256;
}
