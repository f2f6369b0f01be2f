namespace Alerts.Core.Domain.Validation;

/// <summary>
/// Text that people read (summaries, places, names, reasons) reaches email subjects and bodies, webhook payloads, logs
/// and the console as it was sent. Control characters, bidirectional-override and -isolate marks, line and paragraph
/// separators and unpaired surrogates are refused rather than cleaned up, so what an analyst verified is exactly what
/// subscribers receive, and no header, log line or displayed name can be forged with them. Multi-line text may hold
/// line breaks and tabs.
/// </summary>
public static class ReadableText
{
    /// <summary>What is wrong with <paramref name="value"/>, or null when it is fine.</summary>
    public static string? Problem(string value, bool multiline = false)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return $"must be valid text: it holds an unpaired surrogate at character {i + 1}.";
            }

            if (multiline && c is '\n' or '\r' or '\t')
            {
                continue;
            }

            if (char.IsControl(c) || IsDirectionOrSeparator(c))
            {
                return $"must not contain control, bidirectional or line-separator characters (U+{(int)c:X4} at character {i + 1}){(multiline ? "; line breaks and tabs are allowed" : string.Empty)}.";
            }
        }

        return null;
    }

    private static bool IsDirectionOrSeparator(char c) =>
        c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029';
}
