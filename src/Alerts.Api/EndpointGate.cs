using Alerts.Core.Security;
using Alerts.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>
/// The opening every endpoint shares, written once: the caller is authenticated by its <c>X-Api-Key</c>
/// (<see cref="ApiKeyAuthenticationHandler"/>, which makes it <c>HttpContext.User</c>) and held to its rate limit (429
/// with <c>Retry-After</c>; callers without a valid key are limited per client address), and must have an allowed role
/// (401/403 otherwise); the JSON body, where there is one, is read within its size cap (400/413/415 problems); a
/// continuation token this service did not issue is a 400 naming it.
/// </summary>
public sealed class EndpointGate(RequestLimiter limiter)
{
    public const string HeaderName = ApiKeyAuthenticationHandler.HeaderName;

    public async Task<IResult> RunAsync(HttpRequest request, IReadOnlyCollection<ApiRole> allowed, Func<Caller, Task<IResult>> endpoint)
    {
        var context = request.HttpContext;
        var authenticated = await context.AuthenticateAsync(CallerPrincipal.Scheme);
        var caller = authenticated is { Succeeded: true, Principal: { } user } ? CallerPrincipal.ToCaller(user) : null;
        if (caller is not null)
        {
            context.User = authenticated.Principal!;
        }

        if (limiter.Deny(caller, context.Connection.RemoteIpAddress?.ToString()) is { } wait)
        {
            return ApiProblems.TooManyRequests(wait);
        }

        if (caller is null)
        {
            return ApiProblems.Unauthorized();
        }

        if (!allowed.Contains(caller.Role))
        {
            return ApiProblems.Forbidden(Lower(caller.Role), string.Join(" or ", allowed.Select(Lower)));
        }

        try
        {
            return await endpoint(caller);
        }
        catch (InvalidContinuationTokenException e)
        {
            return ApiProblems.InvalidQuery(new Dictionary<string, string[]> { ["continuationToken"] = [e.Message] });
        }
    }

    /// <summary>As <see cref="RunAsync(HttpRequest, IReadOnlyCollection{ApiRole}, Func{Caller, Task{IResult}})"/>, with the JSON body read first.</summary>
    public Task<IResult> RunAsync<TBody>(
        HttpRequest request,
        IReadOnlyCollection<ApiRole> allowed,
        int maxBodyBytes,
        Func<Caller, TBody, Task<IResult>> endpoint,
        CancellationToken cancellationToken,
        params string[] mediaTypes)
        where TBody : class =>
        RunAsync(request, allowed, async caller =>
        {
            var (body, problem) = await JsonBody.ReadAsync<TBody>(request, maxBodyBytes, cancellationToken, mediaTypes);
            return problem ?? await endpoint(caller, body!);
        });

    private static string Lower(ApiRole role) => role.ToString().ToLowerInvariant();
}
