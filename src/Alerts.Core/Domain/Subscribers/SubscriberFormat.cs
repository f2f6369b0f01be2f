namespace Alerts.Core.Domain.Subscribers;

/// <summary>What a webhook's body is: the service's JSON envelope, or the CAP 1.2 alert for the notice.</summary>
public enum SubscriberFormat
{
    Json,
    Cap,
}
