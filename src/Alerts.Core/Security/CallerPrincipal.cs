using System.Security.Claims;
using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Security;

/// <summary>A caller as an ASP.NET Core user (<c>HttpContext.User</c>): name, role and a reporter's default grading as claims.</summary>
public static class CallerPrincipal
{
    public const string Scheme = "ApiKey";
    public const string GradingClaim = "alerts:grading";

    public static ClaimsPrincipal From(Caller caller)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, caller.Name),
            new(ClaimTypes.Role, caller.Role.ToString().ToLowerInvariant()),
        };
        if (caller.Grading is { } grading)
        {
            claims.Add(new Claim(GradingClaim, grading.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The caller an authenticated user is, or null.</summary>
    public static Caller? ToCaller(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: Scheme } &&
        user.FindFirstValue(ClaimTypes.Name) is { } name &&
        Enum.TryParse<ApiRole>(user.FindFirstValue(ClaimTypes.Role), ignoreCase: true, out var role)
            ? new Caller(role, name, SourceGradingParser.TryParse(user.FindFirstValue(GradingClaim)))
            : null;
}
