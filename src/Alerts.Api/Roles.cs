using Alerts.Core.Security;

namespace Alerts.Api;

/// <summary>Who may call what: the role sets the endpoints check.</summary>
public static class Roles
{
    public static readonly ApiRole[] Reporters = [ApiRole.Reporter];
    public static readonly ApiRole[] Analysts = [ApiRole.Analyst, ApiRole.Admin];
    public static readonly ApiRole[] Admins = [ApiRole.Admin];
    public static readonly ApiRole[] Anyone = [ApiRole.Reporter, ApiRole.Analyst, ApiRole.Admin];

    /// <summary>Who reads CAP messages and the feed: consumer systems (real incidents only), and the service's own people.</summary>
    public static readonly ApiRole[] CapReaders = [ApiRole.Feed, ApiRole.Reporter, ApiRole.Analyst, ApiRole.Admin];

    /// <summary>Who reads the feed.</summary>
    public static readonly ApiRole[] FeedReaders = [ApiRole.Feed, ApiRole.Analyst, ApiRole.Admin];
}
