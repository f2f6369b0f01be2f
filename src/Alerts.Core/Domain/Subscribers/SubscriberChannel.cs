namespace Alerts.Core.Domain.Subscribers;

/// <summary>How a subscriber is reached.</summary>
public enum SubscriberChannel
{
    Webhook,
    Email,
}
