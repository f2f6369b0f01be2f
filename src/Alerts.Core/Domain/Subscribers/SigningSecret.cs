using System.Security.Cryptography;

namespace Alerts.Core.Domain.Subscribers;

/// <summary>A webhook signing secret (<c>whsec_</c> + base64 key); a rotated-out secret signs until it expires.</summary>
public sealed record SigningSecret(string Secret, DateTimeOffset? ExpiresAt)
{
    /// <summary>How a Standard Webhooks secret begins.</summary>
    public const string Prefix = "whsec_";

    /// <summary>Bytes of a new key: the least the Standard Webhooks spec recommends.</summary>
    public const int NewKeyBytes = 24;

    /// <summary>A fresh secret value: <c>whsec_</c> + base64 of 24 random bytes.</summary>
    public static string NewValue() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(NewKeyBytes));
}
