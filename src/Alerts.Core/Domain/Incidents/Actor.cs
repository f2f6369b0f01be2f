namespace Alerts.Core.Domain.Incidents;

/// <summary>Who caused a timeline entry: a reporter, an analyst, or the system itself.</summary>
public sealed record Actor(string Kind, string Id)
{
    public static Actor System { get; } = new("system", "alerts");

    public static Actor Reporter(string id) => new("reporter", id);

    public static Actor Analyst(string id) => new("analyst", id);

    public override string ToString() => $"{Kind}:{Id}";

    public static Actor Parse(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new Actor(value, value) : new Actor(value[..colon], value[(colon + 1)..]);
    }
}
