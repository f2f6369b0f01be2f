using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Security;

/// <summary>An authenticated caller: its role, name (for reporters, the reporter id) and, for reporters, default grading.</summary>
public sealed record Caller(ApiRole Role, string Name, SourceGrading? Grading = null);
