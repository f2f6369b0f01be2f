namespace Alerts.Api;

/// <summary>
/// The OpenAPI 3.1 description of the HTTP API (openapi.json next to this file, embedded in the assembly). It is written
/// by hand because the endpoints read and validate their bodies themselves, so a generator would see neither request
/// bodies, nor responses, nor roles; a test checks it against the routes the server maps.
/// </summary>
public static class OpenApiDocument
{
    /// <summary>Where the standalone server serves it: outside <c>/api</c>, anonymous.</summary>
    public const string Path = "/openapi.json";

    private static readonly Lazy<string> Text = new(Load);

    public static string Json => Text.Value;

    private static string Load()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream("Alerts.Api.openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded in Alerts.Api.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
