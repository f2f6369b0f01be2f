using Alerts.Core.Security;
using Alerts.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>
/// The opening every endpoint shares, written once: the <c>X-Api-Key</c> must name a caller of an allowed role (401/403
/// problems otherwise); the JSON body, where there is one, is read within its size cap (400/413/415 problems); a
/// continuation token this service did not issue is a 400 naming it.
/// </summary>
public sealed class EndpointGate(ApiKeyAuthenticator authenticator)
{
    public const string HeaderName = "X-Api-Key";

    public async Task<IResult> RunAsync(HttpRequest request, IReadOnlyCollection<ApiRole> allowed, Func<Caller, Task<IResult>> endpoint)
    {
        var caller = authenticator.Authenticate(request.Headers[HeaderName].ToString());
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
