namespace Alerts.Core.Domain.Deliveries;

/// <summary>How an incident's deliveries stand, over all its versions.</summary>
/// <see cref="Attempted"/>: stopped by a cancellation after attempts that may have reached the receiver.
public sealed record DeliveryCounts(int Total, int Delivered, int Pending, int Failed, int Withdrawn, int Attempted = 0);
