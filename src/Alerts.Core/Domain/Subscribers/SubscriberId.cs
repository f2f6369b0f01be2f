using System.Globalization;
using System.Security.Cryptography;

namespace Alerts.Core.Domain.Subscribers;

/// <summary>
/// Subscriber ids carry a fixed shard (<c>sub-07-…</c>). Delivery records are partitioned by shard, so every
/// delivery of one subscriber has one home, whichever fan-out page found it, and a shard's deliveries batch together.
/// </summary>
public static class SubscriberId
{
    public const int ShardCount = 32;
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New()
    {
        Span<char> random = stackalloc char[16];
        for (var i = 0; i < random.Length; i++)
        {
            random[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"sub-{RandomNumberGenerator.GetInt32(ShardCount):D2}-{random}";
    }

    /// <summary>The two-digit shard of a well-formed id.</summary>
    public static string ShardOf(string subscriberId) => subscriberId.Substring(4, 2);

    public static bool IsWellFormed(string? value) =>
        value is { Length: 23 } && value.StartsWith("sub-", StringComparison.Ordinal) && value[6] == '-' &&
        // NumberStyles.None: digits only, so "+1" or " 1" is not shard 01 (ShardOf would return it verbatim).
        int.TryParse(value.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var shard) && shard < ShardCount &&
        value[7..].All(c => Alphabet.Contains(c, StringComparison.Ordinal));

}
