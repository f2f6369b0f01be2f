namespace Alerts.Core.Pipeline.Intake;

/// <summary>What a submitted report did.</summary>
public enum IntakeOutcome
{
    /// <summary>Opened a new incident.</summary>
    Opened,

    /// <summary>The same (reporter, reportId) was submitted before: nothing changed.</summary>
    Duplicate,

    /// <summary>Joined an open incident as independent corroboration (credibility up, hold possibly shorter).</summary>
    Corroborated,

    /// <summary>Joined an open incident but contradicts its key facts: contested, hold extended, analysts told.</summary>
    Contested,

    /// <summary>Joined an open incident from the same reporter: recorded, not counted as independent.</summary>
    Joined,

    /// <summary>The reporter's update of its own held report changed the facts; the hold goes on (CAP Update).</summary>
    Amended,

    /// <summary>The reporter's update is recorded and put to the analysts, who decide (CAP Update).</summary>
    Proposed,

    /// <summary>The reporter withdrew its report; what that did to the incident is in its status and timeline (CAP Cancel).</summary>
    Withdrawn,
}
