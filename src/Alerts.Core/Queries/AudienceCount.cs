using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Queries;

/// <summary>How many recipients, in all and by channel.</summary>
public sealed record AudienceCount(int Total, int Webhook, int Email)
{
    public static AudienceCount None { get; } = new(0, 0, 0);

    public AudienceCount Add(IEnumerable<Subscriber> subscribers) =>
        subscribers.Aggregate(this, (count, s) => count with
        {
            Total = count.Total + 1,
            Webhook = count.Webhook + (s.Channel == SubscriberChannel.Webhook ? 1 : 0),
            Email = count.Email + (s.Channel == SubscriberChannel.Email ? 1 : 0),
        });
}
