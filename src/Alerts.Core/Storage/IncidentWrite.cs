namespace Alerts.Core.Storage;

/// <summary>How writing an incident change went.</summary>
public enum IncidentWrite
{
    Written,

    /// <summary>Someone got there first: the incident exists already, or changed since it was read.</summary>
    Conflict,

    /// <summary>The report the change files is filed already (a repeat, or a concurrent copy of this request).</summary>
    ReportExists,
}
