namespace Alerts.Core.Domain.Subscribers;

/// <summary>A webhook signing secret (<c>whsec_</c> + base64 key); a rotated-out secret signs until it expires.</summary>
public sealed record SigningSecret(string Secret, DateTimeOffset? ExpiresAt);
