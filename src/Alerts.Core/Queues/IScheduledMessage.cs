namespace Alerts.Core.Queues;

/// <summary>A message that must not be handled before a given time (the end of a hold, the next attempt of a delivery).</summary>
public interface IScheduledMessage
{
    /// <summary>When it may be handled; null for "now".</summary>
    DateTimeOffset? DueAt { get; }
}
