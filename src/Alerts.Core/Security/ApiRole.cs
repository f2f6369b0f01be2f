namespace Alerts.Core.Security;

/// <summary>What an API key may do.</summary>
public enum ApiRole
{
    Reporter,
    Analyst,
    Admin,
}
