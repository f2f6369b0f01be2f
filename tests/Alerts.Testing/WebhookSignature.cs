using System.Security.Cryptography;
using System.Text;

namespace Alerts.Testing;

/// <summary>
/// What a Standard Webhooks receiver checks, written from the spec and independent of the service's
/// <c>WebhookSigner</c>, so that a signing bug cannot hide behind its own verification.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The HMAC key of a <c>whsec_</c> + base64 secret.</summary>
    public static byte[] KeyOf(string secret) => Convert.FromBase64String(secret["whsec_".Length..]);

    /// <summary>True when one of the request's <c>webhook-signature</c> entries is <c>v1,</c> + HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>.</summary>
    public static bool Verifies(WebhookReceiver.Request request, string secret) => Verifies(request, KeyOf(secret));

    /// <inheritdoc cref="Verifies(WebhookReceiver.Request, string)"/>
    public static bool Verifies(WebhookReceiver.Request request, byte[] key)
    {
        var id = request.Headers.GetValueOrDefault("webhook-id", "");
        var timestamp = request.Headers.GetValueOrDefault("webhook-timestamp", "");
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(request.Body).ToArray();
        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)));
        return request.Headers.GetValueOrDefault("webhook-signature", "")
            .Split(' ')
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
