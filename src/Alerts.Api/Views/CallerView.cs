using Alerts.Core.Security;

namespace Alerts.Api.Views;

/// <summary>Who an API key belongs to: name, role, a reporter's default grading, and what the role may do.</summary>
public sealed record CallerView(string Name, ApiRole Role, string? Grading, IReadOnlyList<string> May)
{
    public static CallerView From(Caller caller, IReadOnlyList<string> may) => new(caller.Name, caller.Role, caller.Grading?.ToString(), may);
}
