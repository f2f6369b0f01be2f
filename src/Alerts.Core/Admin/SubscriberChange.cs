using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Admin;

/// <summary>How an admin's change went, the subscriber after it, a new secret (shown this once), and what was wrong.</summary>
public sealed record SubscriberChange(
    SubscriberChangeStatus Status,
    Subscriber? Subscriber = null,
    string? Secret = null,
    string? Problem = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static SubscriberChange NotFound { get; } = new(SubscriberChangeStatus.NotFound);

    public static SubscriberChange Conflict(string why) => new(SubscriberChangeStatus.Conflict, Problem: why);
}
