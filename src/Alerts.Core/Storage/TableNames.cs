namespace Alerts.Core.Storage;

/// <summary>The tables the service keeps its state in.</summary>
public static class TableNames
{
    /// <summary>One partition per incident: the incident row, its reports and its timeline.</summary>
    public const string Incidents = "incidents";

    /// <summary>
    /// Per country: report claims ((reporter, reportId) → incident id, which makes intake idempotent) and the
    /// correlation areas that let a report find the open incident it describes (<see cref="IntakeIndex"/>).
    /// </summary>
    public const string IntakeIndex = "intakeindex";

    /// <summary>Everyone who receives alerts, in one partition ordered by (sharded) id.</summary>
    public const string Subscribers = "subscribers";

    /// <summary>One row per (incident, version, subscriber): who was told what, when, and what failed.</summary>
    public const string Deliveries = "deliveries";

    /// <summary>Per incident, the last public notice each subscriber was sent: who must get its corrections.</summary>
    public const string Ledger = "ledger";

    /// <summary>The Atom feed's entries: one per public notice of a released, real incident, newest first.</summary>
    public const string Feed = "feed";

    public static IReadOnlyList<string> All { get; } = [Incidents, IntakeIndex, Subscribers, Deliveries, Ledger, Feed];
}
