namespace Alerts.Core.Domain.Subscribers;

/// <summary>What a subscriber is sent: alerts and their corrections, or (analysts) reviews of incidents that need a decision.</summary>
public enum SubscriberRole
{
    Subscriber,
    Analyst,
}
