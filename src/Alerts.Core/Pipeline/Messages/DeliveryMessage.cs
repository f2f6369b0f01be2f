namespace Alerts.Core.Pipeline.Messages;

/// <summary>
/// "Send this notice of an incident to these subscribers of one shard." A page of recipients per message keeps queues
/// shallow; a retry carries those that still need one. <see cref="Attempt"/> is informational (state is in the table).
/// </summary>
public sealed record DeliveryMessage(string IncidentId, int Notice, string Shard, IReadOnlyList<string> SubscriberIds, int Attempt);
