namespace Alerts.Core.Security;

/// <summary>An authenticated caller: its role and name (for reporters, the reporter id).</summary>
public sealed record Caller(ApiRole Role, string Name);
