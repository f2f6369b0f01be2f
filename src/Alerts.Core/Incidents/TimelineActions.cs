namespace Alerts.Core.Incidents;

/// <summary>The names of timeline actions, shared by writers and readers.</summary>
public static class TimelineActions
{
    public const string Received = "received";
    public const string Held = "held";
    public const string Released = "released";
}
