using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Domain.Deliveries;

/// <summary>The stored state of one delivery: who, over what, how it went, what the receiver last said, and which earlier notice must settle first.</summary>
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
    string ETag,
    int? After = null,
    bool EarlierTold = false,
    string? ClaimToken = null)
{
    /// <summary>A new pending delivery; <paramref name="after"/> is the notice this subscriber must have settled first.</summary>
    public static DeliveryRecord New(DeliveryKey key, string noticeType, Subscriber subscriber, DateTimeOffset now, int? after = null) =>
        new(key, noticeType, subscriber.Channel, subscriber.Name, DeliveryStatus.Pending, 0, 0, null, null, now, null, null, null, null, string.Empty, after);

    public bool IsSettled => Status is DeliveryStatus.Delivered or DeliveryStatus.Failed or DeliveryStatus.Withdrawn or DeliveryStatus.Attempted;

    /// <summary>
    /// Whether the subscriber may have been told this notice or one before it: an attempt went out (a claim counts one
    /// before it is sent, so a crash mid-send counts too), or it was withdrawn after an earlier notice that may have
    /// been told (<see cref="EarlierTold"/>). A subscriber possibly told always gets the corrections that follow.
    /// </summary>
    public bool PossiblyTold => AttemptsMade > 0 || EarlierTold;
}
