namespace Alerts.Core.Pipeline.Transitions;

/// <summary>How a transition ended.</summary>
public enum TransitionStatus
{
    /// <summary>The decision's change was written, and its work handed on.</summary>
    Written,

    /// <summary>The decision needed no write.</summary>
    Answered,

    /// <summary>The change files a report that is filed already: nothing was written.</summary>
    ReportExists,

    /// <summary>Others kept changing the incident; every attempt lost. Nothing was written.</summary>
    Busy,
}
