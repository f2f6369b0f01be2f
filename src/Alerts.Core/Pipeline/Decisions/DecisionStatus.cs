namespace Alerts.Core.Pipeline.Decisions;

/// <summary>How an analyst's decision went, for the API to map to a status code.</summary>
public enum DecisionStatus
{
    Done,
    NotFound,

    /// <summary>Not possible in the incident's current status (409).</summary>
    NotAllowed,

    /// <summary>The incident changed since the ETag the analyst sent (412).</summary>
    Stale,

    /// <summary>The request itself is wrong (400); see the errors.</summary>
    Invalid,
}
