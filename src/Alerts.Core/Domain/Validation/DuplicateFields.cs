using System.Text.Json;

namespace Alerts.Core.Domain.Validation;

/// <summary>
/// Finds a field given twice in one JSON object of a free-form document (a merge patch), with its path, so the problem
/// can name it. Typed documents are checked by the serializer itself (<see cref="AlertsJson"/>).
/// </summary>
public static class DuplicateFields
{
    /// <summary>The path of the first field given twice (e.g. <c>location.lat</c>), or null. The document must be valid JSON.</summary>
    public static string? Find(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var path = new Stack<(HashSet<string> Seen, string Prefix, bool IsObject)>();
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var prefix = path.Count == 0 ? string.Empty : Join(path.Peek().Prefix, property ?? "[]");
                    path.Push((new HashSet<string>(StringComparer.Ordinal), prefix, reader.TokenType == JsonTokenType.StartObject));
                    property = null;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    path.Pop();
                    property = null;
                    break;
                case JsonTokenType.PropertyName:
                    property = reader.GetString()!;
                    var (seen, at, _) = path.Peek();
                    if (!seen.Add(property))
                    {
                        return Join(at, property);
                    }

                    break;
            }
        }

        return null;
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
}
