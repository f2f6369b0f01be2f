namespace Alerts.Core.Fanout;

/// <summary>"Find the recipients of this incident version among subscribers after <see cref="AfterSubscriberId"/>."</summary>
public sealed record FanoutMessage(string IncidentId, int Version, string? AfterSubscriberId);
