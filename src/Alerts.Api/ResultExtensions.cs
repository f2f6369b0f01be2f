using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>Small additions to <see cref="IResult"/> that the minimal-API helpers lack.</summary>
public static class ResultExtensions
{
    public static IResult WithLocation(this IResult result, string location) =>
        new WithHeaderResult(result, headers => headers.Location = location);

    public static IResult WithRetryAfter(this IResult result, int seconds) =>
        new WithHeaderResult(result, headers => headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private sealed class WithHeaderResult(IResult inner, Action<IHeaderDictionary> set) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            set(httpContext.Response.Headers);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
