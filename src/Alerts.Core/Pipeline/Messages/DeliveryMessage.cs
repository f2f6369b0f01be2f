using System.Text.Json.Serialization;
using Alerts.Core.Queues;

namespace Alerts.Core.Pipeline.Messages;

/// <summary>
/// "Send this notice of an incident to these subscribers of one shard." A page of recipients per message keeps queues
/// shallow; a retry carries those that still need one, <see cref="NotBefore"/> its next attempt. <see cref="Attempt"/>
/// is informational (state is in the table).
/// </summary>
public sealed record DeliveryMessage(string IncidentId, int Notice, string Shard, IReadOnlyList<string> SubscriberIds, int Attempt, DateTimeOffset? NotBefore = null)
    : IScheduledMessage
{
    [JsonIgnore]
    public DateTimeOffset? DueAt => NotBefore;
}
