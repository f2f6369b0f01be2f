namespace Alerts.Core.Subscribers;

/// <summary>How a subscriber is reached.</summary>
public enum SubscriberChannel
{
    Webhook,
    Email,
}
