namespace Alerts.Core.Domain.Cap;

/// <summary>
/// Names an element of a CAP document in problems, XPath-like: <c>alert/info[1]/area[2]/polygon[1]</c>. Elements CAP
/// lets repeat carry their position (from 1); the others do not, so <c>alert/info[1]/headline</c>.
/// </summary>
public static class CapPath
{
    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal)
    {
        "code", "info", "category", "responseType", "eventCode", "parameter", "resource", "area", "polygon", "circle", "geocode",
    };

    public static string Step(string name, int position) => Repeatable.Contains(name) ? $"{name}[{position}]" : name;

    /// <summary>A parameter is named by its valueName, which is what a producer knows it by.</summary>
    public static string Parameter(string info, string valueName) => $"{info}/parameter[{valueName}]";
}
