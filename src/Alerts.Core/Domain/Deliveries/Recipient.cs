using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Domain.Deliveries;

/// <summary>Who is sent a notice, as what (a first alert, a correction, a review), and after which earlier notice.</summary>
public sealed record Recipient(Subscriber Subscriber, string Type, int? After);
