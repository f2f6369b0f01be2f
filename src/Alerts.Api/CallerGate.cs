using Alerts.Core.Security;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>Authenticates the <c>X-Api-Key</c> header and checks the caller's role, producing 401/403 problems.</summary>
public sealed class CallerGate(ApiKeyAuthenticator authenticator)
{
    public const string HeaderName = "X-Api-Key";

    public bool TryAuthorize(HttpRequest request, IReadOnlyCollection<ApiRole> allowed, out Caller caller, out IResult problem)
    {
        caller = null!;
        problem = null!;
        var found = authenticator.Authenticate(request.Headers[HeaderName].ToString());
        if (found is null)
        {
            problem = ApiProblems.Unauthorized();
            return false;
        }

        if (!allowed.Contains(found.Role))
        {
            problem = ApiProblems.Forbidden(Lower(found.Role), string.Join(" or ", allowed.Select(Lower)));
            return false;
        }

        caller = found;
        return true;
    }

    private static string Lower(ApiRole role) => role.ToString().ToLowerInvariant();
}
