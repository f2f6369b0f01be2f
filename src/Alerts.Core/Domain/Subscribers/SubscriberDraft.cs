namespace Alerts.Core.Domain.Subscribers;

/// <summary>The validated, normalised content of a subscriber request.</summary>
public sealed record SubscriberDraft(string Name, SubscriberChannel Channel, string Target, SubscriberFilter Filter, bool Enabled, SubscriberRole Role = SubscriberRole.Subscriber, bool Exercises = false, SubscriberFormat Format = SubscriberFormat.Json);
