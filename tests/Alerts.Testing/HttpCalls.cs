using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Testing;

/// <summary>Real <see cref="HttpRequest"/>s to hand to endpoint handlers and function methods, and the responses they write.</summary>
public static class HttpCalls
{
    public static HttpRequest Request(IServiceProvider services, string method, string path, string? key, string? body = null, string contentType = "application/json", string? query = null)
    {
        // Each request has its own scope, as in both hosts: the authentication handler (and its cached result) is per request.
        var context = new DefaultHttpContext { RequestServices = services.CreateScope().ServiceProvider };
        context.Request.Method = method;
        context.Request.Path = path;
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        if (key is not null)
        {
            context.Request.Headers["X-Api-Key"] = key;
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = contentType;
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Runs a result against the request's context, as both hosts do, and reads what it wrote.</summary>
    public static async Task<HttpCallResponse> ExecuteAsync(HttpRequest request, IResult result)
    {
        await result.ExecuteAsync(request.HttpContext);
        return await ResponseAsync(request);
    }

    /// <summary>What was written to the request's response.</summary>
    public static async Task<HttpCallResponse> ResponseAsync(HttpRequest request)
    {
        var response = request.HttpContext.Response;
        response.Body.Position = 0;
        return new HttpCallResponse(response.StatusCode, response.Headers, await new StreamReader(response.Body).ReadToEndAsync());
    }
}
