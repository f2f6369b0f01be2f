namespace Alerts.Testing;

/// <summary>
/// Which requests the proxy interferes with and how: those <see cref="Applies"/> picks, each with probability
/// <see cref="Share"/>. Describe requests by <see cref="StorageRequest"/> (service, method, path).
/// </summary>
public sealed record StorageFaultRule(StorageFault Fault, double Share, Func<StorageRequest, bool> Applies, TimeSpan Delay = default)
{
    /// <summary>Every request to every service.</summary>
    public static Func<StorageRequest, bool> Any { get; } = _ => true;

    /// <summary>Entity-group transactions (<c>$batch</c>) on the table <paramref name="table"/>.</summary>
    public static Func<StorageRequest, bool> BatchOn(string table) =>
        r => r.Service == StorageService.Table && r.Method == "POST" && r.Path.EndsWith("$batch", StringComparison.Ordinal) && Names(r.Body, table);

    /// <summary>Writes (not reads) to the table <paramref name="table"/>, batched or single.</summary>
    public static Func<StorageRequest, bool> WritesTo(string table) =>
        r => r.Service == StorageService.Table && r.Method != "GET" && (Names(r.Path, table) || BatchOn(table)(r));

    /// <summary>Whether a request line or path addresses the table: <c>/{table}</c> then <c>(</c>, <c>?</c>, a space or the end.</summary>
    private static bool Names(string text, string table)
    {
        for (var at = text.IndexOf($"/{table}", StringComparison.Ordinal); at >= 0; at = text.IndexOf($"/{table}", at + 1, StringComparison.Ordinal))
        {
            var end = at + table.Length + 1;
            if (end == text.Length || text[end] is '(' or '?' or ' ')
            {
                return true;
            }
        }

        return false;
    }
}
