namespace Alerts.Core.Pipeline.Release;

/// <summary>What a release attempt did.</summary>
public enum ReleaseOutcome
{
    /// <summary>This call moved the incident to released.</summary>
    Released,

    /// <summary>The hold ended; the category needs an analyst's confirmation, and analysts were told.</summary>
    AwaitingConfirmation,

    /// <summary>The hold has not ended; a release message for the remaining time was queued.</summary>
    Rescheduled,

    /// <summary>Someone already decided (released, retracted, extended, or another worker won): nothing to do.</summary>
    NothingToDo,

    /// <summary>No such incident.</summary>
    NotFound,
}
