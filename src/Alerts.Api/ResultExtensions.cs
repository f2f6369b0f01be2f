using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>Small additions to <see cref="IResult"/> that the minimal-API helpers lack.</summary>
public static class ResultExtensions
{
    public static IResult WithLocation(this IResult result, string location) =>
        result.WithHeaders(headers => headers.Location = location);

    public static IResult WithRetryAfter(this IResult result, int seconds) =>
        result.WithHeaders(headers => headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The result, with response headers set just before it runs.</summary>
    public static IResult WithHeaders(this IResult result, Action<IHeaderDictionary> set) =>
        new WithHeaderResult(result, set);

    private sealed class WithHeaderResult(IResult inner, Action<IHeaderDictionary> set) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            set(httpContext.Response.Headers);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
