namespace Alerts.Core.Pipeline.Messages;

/// <summary>"Find the recipients of this notice of an incident among subscribers after <see cref="AfterSubscriberId"/>."</summary>
public sealed record FanoutMessage(string IncidentId, int Notice, string? AfterSubscriberId);
