namespace Alerts.Core.Subscribers;

/// <summary>Someone who receives alerts: a system by webhook or a person by email, with filters.</summary>
public sealed record Subscriber(
    string Id,
    string Name,
    SubscriberChannel Channel,
    string Target,
    SubscriberFilter Filter,
    bool Enabled,
    IReadOnlyList<SigningSecret> Secrets,
    DateTimeOffset CreatedAt,
    string ETag)
{
    /// <summary>Secrets that still sign at <paramref name="now"/>: the current one and any in its rotation grace period.</summary>
    public IReadOnlyList<string> ActiveSecrets(DateTimeOffset now) =>
        Secrets.Where(s => s.ExpiresAt is null || s.ExpiresAt > now).Select(s => s.Secret).ToList();
}
