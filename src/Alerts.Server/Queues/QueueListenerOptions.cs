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
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a failed message stays invisible before its next attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "07.00:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Shortest wait between polls: after a message, while any listener of the process has work in flight, and the
    /// first step of the back-off. Server only (the Functions host's is fixed at 100 ms).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:01")]
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Messages fetched per poll (the queue service allows 1–32).</summary>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// When the messages in flight drop to this many, the next batch is fetched (so at most BatchSize + NewBatchThreshold
    /// run at once). Unset: BatchSize / 2, as the Functions host.
    /// </summary>
    [Range(0, 1000)]
    public int? NewBatchThreshold { get; set; }

    public int EffectiveNewBatchThreshold => NewBatchThreshold ?? (BatchSize / 2);

    /// <summary>Attempts before a message moves to <c>&lt;queue&gt;-poison</c>.</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>
    /// How long a message being processed stays hidden from other instances; renewed at half that while it runs. Short,
    /// so that messages whose receive was answered but the answer lost (or whose instance died) are back in seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ProcessingLease { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// On shutdown (SIGTERM), how long messages in flight may go on (sends finish and are recorded); what is not done by
    /// then is given back — queue message visible again, delivery claims released — for another instance to take at once.
    /// Server only; the host's shutdown timeout is this plus a margin.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
