using System.Text.Encodings.Web;
using Alerts.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Api;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header as an ASP.NET Core scheme, so the caller is <c>HttpContext.User</c> (with
/// its role as a claim) for everything downstream: endpoints, logs, traces, rate limits. No key: no result; an unknown
/// key: a failure. Both hosts run it (the server in its middleware, both through <see cref="EndpointGate"/>).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyAuthenticator keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(keys.Authenticate(key) is { } caller
            ? AuthenticateResult.Success(new AuthenticationTicket(CallerPrincipal.From(caller), CallerPrincipal.Scheme))
            : AuthenticateResult.Fail("unknown API key"));
    }
}
