using Alerts.Core.Subscribers;

namespace Alerts.Core.Delivery;

/// <summary>The stored state of one delivery: who, over what, how it went, and what the receiver last said.</summary>
public sealed record DeliveryRecord(
    DeliveryKey Key,
    string NoticeType,
    SubscriberChannel Channel,
    string SubscriberName,
    DeliveryStatus Status,
    int AttemptsMade,
    int ScheduleStart,
    int? LastCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? ClaimedUntil,
    string ETag)
{
    public static DeliveryRecord New(DeliveryKey key, string noticeType, Subscriber subscriber, DateTimeOffset now) =>
        new(key, noticeType, subscriber.Channel, subscriber.Name, DeliveryStatus.Pending, 0, 0, null, null, now, null, null, null, null, string.Empty);
}
