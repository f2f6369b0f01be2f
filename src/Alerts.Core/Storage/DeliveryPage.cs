using Alerts.Core.Domain.Deliveries;

namespace Alerts.Core.Storage;

/// <summary>A page of an incident's deliveries and the token for the next page.</summary>
public sealed record DeliveryPage(IReadOnlyList<DeliveryRecord> Items, string? ContinuationToken);
