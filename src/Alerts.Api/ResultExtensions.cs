using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>Small additions to <see cref="IResult"/> that the minimal-API helpers lack.</summary>
public static class ResultExtensions
{
    public static IResult WithLocation(this IResult result, string location) => new LocatedResult(result, location);

    private sealed class LocatedResult(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
