using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Pipeline.Delivery.Webhooks;

/// <summary>
/// Signs webhook bodies as the Standard Webhooks spec says: <c>v1,</c> + base64 HMAC-SHA256 of <c>id.timestamp.body</c>,
/// one signature per active secret, space-separated, so receivers keep verifying through a secret rotation.
/// </summary>
public sealed class WebhookSigner
{
    public const string SecretPrefix = SigningSecret.Prefix;

    /// <summary>Key sizes the spec recommends (24–64 bytes); <see cref="SigningSecret.NewValue"/> makes 24.</summary>
    public const int MinKeyBytes = 24;

    public const int MaxKeyBytes = 64;

    /// <summary>The <c>webhook-signature</c> header value for one message.</summary>
    /// <exception cref="ArgumentException">No secret given, or a secret is not <c>whsec_</c> + base64 of 24–64 bytes.</exception>
    public string Sign(string msgId, long timestamp, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets)
    {
        ArgumentException.ThrowIfNullOrEmpty(msgId);
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
        {
            throw new ArgumentException("At least one webhook signing secret is required.", nameof(secrets));
        }

        var prefix = Encoding.UTF8.GetBytes($"{msgId}.{timestamp}.");
        var signatures = new string[secrets.Count];
        for (var i = 0; i < secrets.Count; i++)
        {
            if (!TryDecode(secrets[i], out var key))
            {
                // Never echo the secret itself: messages end up in logs and delivery records.
                throw new ArgumentException(
                    $"Webhook signing secret #{i + 1} is malformed: expected '{SecretPrefix}' followed by base64 of {MinKeyBytes} to {MaxKeyBytes} bytes.",
                    nameof(secrets));
            }

            try
            {
                using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
                hmac.AppendData(prefix);
                hmac.AppendData(body);
                signatures[i] = "v1," + Convert.ToBase64String(hmac.GetHashAndReset());
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }

        return string.Join(' ', signatures);
    }

    /// <summary>Whether <paramref name="secret"/> has the shape <see cref="Sign"/> accepts.</summary>
    public static bool IsValidSecret(string? secret)
    {
        if (!TryDecode(secret, out var key))
        {
            return false;
        }

        CryptographicOperations.ZeroMemory(key);
        return true;
    }

    private static bool TryDecode(string? secret, out byte[] key)
    {
        key = [];
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var encoded = secret.AsSpan(SecretPrefix.Length);
        if (!Base64.IsValid(encoded, out var length) || length < MinKeyBytes || length > MaxKeyBytes)
        {
            return false;
        }

        key = Convert.FromBase64String(encoded.ToString());
        return true;
    }
}
