using System.Text.Json.Serialization;
using Alerts.Core.Queues;

namespace Alerts.Core.Pipeline.Messages;

/// <summary>
/// "Release this incident when its hold ends." Carries the hold end it was scheduled for, so a message made
/// stale by an extension sees that the incident's hold moved and does nothing.
/// </summary>
public sealed record ReleaseMessage(string IncidentId, DateTimeOffset HoldUntil) : IScheduledMessage
{
    [JsonIgnore]
    public DateTimeOffset? DueAt => HoldUntil;
}
