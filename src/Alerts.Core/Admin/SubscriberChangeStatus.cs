namespace Alerts.Core.Admin;

/// <summary>How an admin's change of a subscriber went, for the API to map to a status code.</summary>
public enum SubscriberChangeStatus
{
    Done,
    NotFound,

    /// <summary>The request is wrong (400); see the errors.</summary>
    Invalid,

    /// <summary>Not possible for this subscriber (409).</summary>
    NotAllowed,

    /// <summary>It changed or was deleted while the request ran (409): read it again.</summary>
    Conflict,
}
