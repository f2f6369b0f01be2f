namespace Alerts.Core.Security;

/// <summary>What an API key may do.</summary>
public enum ApiRole
{
    Reporter,
    Analyst,
    Admin,

    /// <summary>A consumer system: reads the Atom feed and the CAP messages of released, real incidents, nothing else.</summary>
    Feed,
}
