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
}
