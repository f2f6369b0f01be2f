using Alerts.Core.Security;

namespace Alerts.Api;

/// <summary>Who may call what: the role sets the endpoints check, and the abilities they add up to, by name.</summary>
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

    /// <summary>
    /// What a caller may do, named for clients (the console offers only these), each with the role set its endpoints
    /// check, so the names cannot promise more than the endpoints allow.
    /// </summary>
    public static readonly IReadOnlyList<(string Ability, ApiRole[] Roles)> Abilities =
    [
        ("submitReports", Reporters),
        ("readIncidents", Anyone),
        ("readBoard", Analysts),
        ("decide", Analysts),
        ("readDeliveries", Analysts),
        ("redeliver", Admins),
        ("manageSubscribers", Admins),
        ("readFeed", FeedReaders),
    ];

    public static IReadOnlyList<string> AbilitiesOf(ApiRole role) =>
        Abilities.Where(a => a.Roles.Contains(role)).Select(a => a.Ability).ToList();
}
