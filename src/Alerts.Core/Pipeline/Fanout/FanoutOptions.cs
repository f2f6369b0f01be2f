using System.ComponentModel.DataAnnotations;

namespace Alerts.Core.Pipeline.Fanout;

/// <summary>How fan-out walks the subscribers (section <c>Fanout</c>).</summary>
public sealed class FanoutOptions
{
    public const string SectionName = "Fanout";

    /// <summary>Subscribers read per fan-out message (one table page); the rest are handed on in a new message.</summary>
    [Range(10, 1000)]
    public int PageSize { get; set; } = 1000;

    /// <summary>Recipients per chunk: one table batch of one shard, sent together; also per delivery message.</summary>
    [Range(1, 100)]
    public int RecipientsPerMessage { get; set; } = 100;

    /// <summary>Chunks of one page whose records are written at once; their sends all start as soon as they are written.</summary>
    [Range(1, 64)]
    public int ParallelChunks { get; set; } = 4;
}
