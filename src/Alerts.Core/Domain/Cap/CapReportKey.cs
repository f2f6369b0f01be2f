using System.Text;

namespace Alerts.Core.Domain.Cap;

/// <summary>
/// A CAP message's idempotency key, <c>sender,identifier</c>, as this service files it for its reporter (the report
/// id). CAP forbids spaces, commas, &lt; and &amp; in both; the characters a table key cannot hold (/ \ # ?) and % are
/// percent-encoded, so distinct keys stay distinct.
/// </summary>
public static class CapReportKey
{
    public const int MaxPartLength = 200;

    /// <summary>What is wrong with a sender or identifier, or null.</summary>
    public static string? Problem(string value) =>
        value.Length == 0 || value.Length > MaxPartLength || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or '<' or '&')
            ? $"must be 1–{MaxPartLength} characters without spaces, commas, '<' or '&' (CAP 1.2)."
            : null;

    public static string Of(string sender, string identifier) => $"{Escape(sender)},{Escape(identifier)}";

    private static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            _ = c is '/' or '\\' or '#' or '?' or '%' ? escaped.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)) : escaped.Append(c);
        }

        return escaped.ToString();
    }
}
