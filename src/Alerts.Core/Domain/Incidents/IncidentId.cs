using System.Security.Cryptography;

namespace Alerts.Core.Domain.Incidents;

/// <summary>
/// Incident ids sort newest first as strings (inverted milliseconds, Crockford base32), so a table scan
/// over incident partitions returns the newest incidents first without a separate index.
/// </summary>
public static class IncidentId
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const long MaxMillis = (1L << 50) - 1;

    public static string New(DateTimeOffset now)
    {
        Span<char> id = stackalloc char[4 + 10 + 6];
        Prefix(now, id);
        for (var i = 14; i < id.Length; i++)
        {
            id[i] = Alphabet[RandomNumberGenerator.GetInt32(32)];
        }

        return new string(id);
    }

    /// <summary>No id of an incident received at or before <paramref name="time"/> sorts below this.</summary>
    public static string LowerBound(DateTimeOffset time)
    {
        Span<char> id = stackalloc char[14];
        Prefix(time, id);
        return new string(id);
    }

    /// <summary>No id of an incident received at or after <paramref name="time"/> sorts above this.</summary>
    public static string UpperBound(DateTimeOffset time) => LowerBound(time) + "~";

    private static void Prefix(DateTimeOffset time, Span<char> id)
    {
        var inverted = MaxMillis - time.ToUnixTimeMilliseconds();
        "inc-".CopyTo(id);
        for (var i = 13; i >= 4; i--)
        {
            id[i] = Alphabet[(int)(inverted & 31)];
            inverted >>= 5;
        }
    }

    public static bool IsWellFormed(string? value) =>
        value is { Length: 20 } && value.StartsWith("inc-", StringComparison.Ordinal) && value[4..].All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
