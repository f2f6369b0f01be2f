namespace Alerts.Core.Domain.Subscribers;

/// <summary>
/// Someone who receives alerts: a system by webhook or a person by email, with filters. Analysts receive reviews of
/// held incidents instead of alerts; only subscribers who opted in to <see cref="Exercises"/> are sent exercises.
/// <see cref="FailingSince"/>: when the unbroken run of failed attempts began; <see cref="DisabledReason"/>: why the
/// service disabled it (an admin's own disabling has none).
/// A webhook's <see cref="Format"/> says whether it is sent the JSON envelope or the CAP 1.2 alert.
/// </summary>
public sealed record Subscriber(
    string Id,
    string Name,
    SubscriberChannel Channel,
    string Target,
    SubscriberFilter Filter,
    bool Enabled,
    IReadOnlyList<SigningSecret> Secrets,
    DateTimeOffset CreatedAt,
    string ETag,
    SubscriberRole Role = SubscriberRole.Subscriber,
    bool Exercises = false,
    DateTimeOffset? FailingSince = null,
    string? DisabledReason = null,
    SubscriberFormat Format = SubscriberFormat.Json)
{
    /// <summary>Secrets that still sign at <paramref name="now"/>: the current one and any in its rotation grace period.</summary>
    public IReadOnlyList<string> ActiveSecrets(DateTimeOffset now) =>
        Secrets.Where(s => s.ExpiresAt is null || s.ExpiresAt > now).Select(s => s.Secret).ToList();
}
