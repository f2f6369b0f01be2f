using Alerts.Core.Domain.Areas;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;

namespace Alerts.Api.Views;

/// <summary>A subscriber as the admin API shows it. <see cref="Secret"/> appears only on creation and rotation.</summary>
public sealed record SubscriberView(
    string SubscriberId,
    string Name,
    SubscriberChannel Channel,
    string? Url,
    string? Email,
    SubscriberView.FiltersView Filters,
    bool Enabled,
    DateTimeOffset CreatedAt,
    string? Secret,
    DateTimeOffset? PreviousSecretExpiresAt,
    SubscriberRole Role,
    bool Exercises,
    DateTimeOffset? FailingSince,
    string? DisabledReason,
    SubscriberFormat Format)
{
    public static SubscriberView From(Subscriber s, string? secret = null, DateTimeOffset? now = null) => new(
        s.Id,
        s.Name,
        s.Channel,
        s.Channel == SubscriberChannel.Webhook ? s.Target : null,
        s.Channel == SubscriberChannel.Email ? s.Target : null,
        new FiltersView(s.Filter.Countries, s.Filter.MinimumSeverity, s.Filter.Categories, s.Filter.Area),
        s.Enabled,
        s.CreatedAt,
        secret,
        s.Secrets.Where(x => x.ExpiresAt is not null && (now is null || x.ExpiresAt > now)).Select(x => x.ExpiresAt).Max(),
        s.Role,
        s.Exercises,
        s.FailingSince,
        s.DisabledReason,
        s.Format);

    /// <summary>The filters; <see cref="Area"/> (the area of interest) is left out when none is set.</summary>
    public sealed record FiltersView(IReadOnlyList<string> Countries, Severity MinimumSeverity, IReadOnlyList<string> Categories, IncidentArea? Area);
}
