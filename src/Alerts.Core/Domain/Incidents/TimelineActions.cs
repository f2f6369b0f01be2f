namespace Alerts.Core.Domain.Incidents;

/// <summary>The names of timeline actions, shared by writers and readers.</summary>
public static class TimelineActions
{
    public const string Received = "received";
    public const string Held = "held";
    public const string Released = "released";
    public const string Corroborated = "corroborated";
    public const string Contested = "contested";
    public const string ReportJoined = "report-joined";
    public const string AwaitingConfirmation = "awaiting-confirmation";
    public const string Confirmed = "confirmed";
    public const string Extended = "extended";
    public const string Amended = "amended";
    public const string Retracted = "retracted";
    public const string Cancelled = "cancelled";

    /// <summary>A reporter withdrew its report (CAP Cancel).</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>A reporter proposed an amendment that an analyst decides on (CAP Update).</summary>
    public const string AmendmentProposed = "amendment-proposed";
}
