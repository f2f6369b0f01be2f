namespace Alerts.Core.Domain.Deliveries;

/// <summary>What to record of a subscriber's endpoint: when its failures began (null: it works), and whether it stays enabled, and why not.</summary>
public sealed record EndpointChange(DateTimeOffset? FailingSince, bool Enabled, string? DisabledReason);
