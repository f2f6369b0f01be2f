namespace Alerts.Core.Domain.Cap;

/// <summary>One earlier message a CAP message refers to: <c>sender,identifier,sent</c>.</summary>
public sealed record CapReference(string Sender, string Identifier, string Sent)
{
    public override string ToString() => $"{Sender},{Identifier},{Sent}";

    /// <summary>The references of a CAP message (whitespace-separated triples), or null when one is not a triple.</summary>
    public static IReadOnlyList<CapReference>? ParseList(string? text)
    {
        var result = new List<CapReference>();
        foreach (var item in (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split(',');
            if (parts.Length != 3 || parts.Any(p => p.Length == 0))
            {
                return null;
            }

            result.Add(new CapReference(parts[0], parts[1], parts[2]));
        }

        return result;
    }
}
