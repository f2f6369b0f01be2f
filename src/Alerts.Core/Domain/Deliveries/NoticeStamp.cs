namespace Alerts.Core.Domain.Deliveries;

/// <summary>An earlier public notice of the same incident, as a correction refers to it: its number and when it was issued.</summary>
public sealed record NoticeStamp(int Number, DateTimeOffset IssuedAt);
