using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>
/// GET /api/console/{file?}: the duty desk console's static files, served by both hosts from this assembly, so the
/// console and the API share one origin (no CORS) and one deployment. Anonymous: the files hold no data, and every call
/// they make needs an API key. Every file carries a strict Content-Security-Policy: scripts, styles and calls from this
/// origin only, nothing inline, no framing.
/// </summary>
public sealed class ConsoleEndpoint
{
    public const string IndexFile = "index.html";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    public IResult Serve(HttpRequest request, string? file)
    {
        if (string.IsNullOrEmpty(file))
        {
            // The console's modules are addressed relative to it: /api/console must become /api/console/.
            var path = request.PathBase + request.Path;
            if (!path.Value!.EndsWith('/'))
            {
                return Results.Redirect(path + "/");
            }

            file = IndexFile;
        }

        if (!ConsoleFile.All.TryGetValue(file, out var found))
        {
            return ApiProblems.NotFound($"Console file '{file}'");
        }

        return Results.Bytes(found.Content, found.ContentType, entityTag: found.ETag).WithHeaders(headers =>
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";

            // Revalidate every time (the ETag makes that a 304), so a deployment is seen at once.
            headers.CacheControl = "no-cache";
        });
    }
}
