using System.ComponentModel.DataAnnotations;

namespace Alerts.Server.Queues;

/// <summary>
/// Queue-trigger settings with the Functions host's meaning, read from host.json's <c>extensions:queues</c>
/// and overridable in the app's <c>Queues</c> section.
/// </summary>
public sealed class QueueListenerOptions
{
    public const string HostJsonSection = "extensions:queues";
    public const string SectionName = "Queues";

    /// <summary>Longest wait between polls of an empty queue; polling backs off up to this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a failed message stays invisible before its next attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "07.00:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Messages fetched per poll (the queue service allows 1–32).</summary>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 16;

    /// <summary>Attempts before a message moves to <c>&lt;queue&gt;-poison</c>.</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a message being processed stays hidden from other instances.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ProcessingLease { get; set; } = TimeSpan.FromSeconds(30);
}
