using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Subscribers;

namespace Alerts.Api.Views;

/// <summary>One recipient's delivery: what was sent over which channel, how it stands, and what the receiver last said.</summary>
public sealed record DeliveryView(
    string DeliveryId,
    string IncidentId,
    string SubscriberId,
    string SubscriberName,
    SubscriberChannel Channel,
    int Notice,
    string Type,
    DeliveryStatus Status,
    int Attempts,
    int? LastCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? NextAttemptAt)
{
    public static DeliveryView From(DeliveryRecord r) => new(
        r.Key.Id, r.Key.IncidentId, r.Key.SubscriberId, r.SubscriberName, r.Channel, r.Key.Notice, r.NoticeType, r.Status, r.AttemptsMade,
        r.LastCode, r.LastError, r.CreatedAt, r.LastAttemptAt, r.DeliveredAt, r.NextAttemptAt);
}
