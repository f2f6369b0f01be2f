namespace Alerts.Core.Domain.Incidents;

/// <summary>Reads an Admiralty grading written as two characters, such as "B2".</summary>
public static class SourceGradingParser
{
    public static SourceGrading? TryParse(string? text) =>
        text is { Length: 2 } && char.ToUpperInvariant(text[0]) is >= 'A' and <= 'F' && text[1] is >= '1' and <= '6'
            ? new SourceGrading(char.ToUpperInvariant(text[0]), text[1] - '0')
            : null;
}
