using System.Text.Json;

namespace Alerts.Core.Domain.Validation;

/// <summary>Names the field a JSON (de)serialization error is about, and says what is wrong with it in plain words.</summary>
public static class JsonFieldError
{
    public static (string Field, string Message) From(JsonException e)
    {
        var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "$" : e.Path.TrimStart('$', '.');
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return (field, "is not a known field.");
        }

        // Reading raw text has a position to point at; converting an already parsed document does not.
        return e.LineNumber is { } line
            ? (field, e.Message.Split(" Path:", 2)[0].Split(". LineNumber", 2)[0].TrimEnd('.') + $" (line {line + 1}, byte {e.BytePositionInLine}).")
            : (field, "has the wrong type.");
    }
}
