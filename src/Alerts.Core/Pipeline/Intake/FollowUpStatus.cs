namespace Alerts.Core.Pipeline.Intake;

/// <summary>How a reporter's follow-up to its own report ended.</summary>
public enum FollowUpStatus
{
    Done,

    /// <summary>None of the referenced messages is a report this reporter filed.</summary>
    UnknownReference,

    /// <summary>The incident is retracted or cancelled: an update has nothing to amend.</summary>
    Final,
}
