namespace Alerts.Core.Domain.Verification;

/// <summary>How a new report relates to an open incident it describes.</summary>
public enum ReportRelation
{
    /// <summary>Another reporter, same facts: independent corroboration.</summary>
    Corroborates,

    /// <summary>Another reporter, conflicting key facts (attributed actor or category).</summary>
    Contradicts,

    /// <summary>The same reporter again: added to the incident, but not independent.</summary>
    SameSource,
}
