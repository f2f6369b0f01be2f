using Alerts.Core.Domain.Cap;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>
/// A CAP message as intake takes it: what it asks (<see cref="Intent"/>), its key (<c>sender,identifier</c>) as the
/// report id, the messages it refers to, and for an Alert or Update the report it carries. <see cref="Origins"/> says
/// which element each report field came from, so a problem with a field names the element. Errors: refused as mapped.
/// </summary>
public sealed record CapSubmission(
    CapIntent Intent,
    string ReportId,
    IReadOnlyList<CapReference> References,
    IncidentReport? Report,
    IReadOnlyDictionary<string, string> Origins,
    IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The element a report field came from: the field itself, or the nearest field it belongs to, or the alert.</summary>
    public string ElementOf(string field)
    {
        for (var key = field; key.Length > 0; key = Parent(key))
        {
            if (Origins.TryGetValue(key, out var element))
            {
                return element;
            }
        }

        return "alert";
    }

    private static string Parent(string field)
    {
        var cut = Math.Max(field.LastIndexOf('.'), field.LastIndexOf('['));
        return cut <= 0 ? string.Empty : field[..cut];
    }
}
