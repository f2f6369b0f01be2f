namespace Alerts.Core.Domain.Deliveries;

/// <summary>How an incident's deliveries stand, over all its versions.</summary>
public sealed record DeliveryCounts(int Total, int Delivered, int Pending, int Failed, int Withdrawn);
