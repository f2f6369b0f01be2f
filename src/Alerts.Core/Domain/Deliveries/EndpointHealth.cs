using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Domain.Deliveries;

/// <summary>
/// Whether an attempt's outcome changes what is known of a subscriber's endpoint: the first failure starts a run of
/// failures, a delivery ends it, and a run longer than the policy allows — or a receiver saying it is gone (410) —
/// disables the subscriber, with the reason an operator needs. Null when nothing changes (no write).
/// </summary>
public static class EndpointHealth
{
    public static EndpointChange? After(Subscriber subscriber, DeliveryOutcome outcome, DateTimeOffset now, TimeSpan disableAfter)
    {
        if (!subscriber.Enabled)
        {
            return null;
        }

        switch (outcome)
        {
            case DeliveryOutcome.Delivered:
                return subscriber.FailingSince is null ? null : new EndpointChange(null, Enabled: true, null);
            case DeliveryOutcome.Failed { DisableSubscriber: true } gone:
                return new EndpointChange(subscriber.FailingSince ?? now, Enabled: false, $"disabled {now:u}: the receiver said the endpoint is gone ({gone.Detail})");
            default:
                var since = subscriber.FailingSince ?? now;
                if (disableAfter > TimeSpan.Zero && now - since >= disableAfter)
                {
                    return new EndpointChange(since, Enabled: false, $"disabled {now:u}: every attempt has failed since {since:u}; last: {outcome.Detail}");
                }

                return subscriber.FailingSince is null ? new EndpointChange(now, Enabled: true, null) : null;
        }
    }
}
