using System.Text.Json;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Alerts.Api;

/// <summary>Reads a JSON request body with a size cap, turning every way it can be wrong into a problem (400/413/415).</summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken, params string[] mediaTypes)
        where T : class
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) ||
            !mediaTypes.Append("application/json").Any(m => contentType.MediaType.Equals(m, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, ApiProblems.UnsupportedMediaType(request.ContentType));
        }

        var (bytes, problem) = await RequestBody.ReadAsync(request, maxBytes, "a JSON object", cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes.Span, AlertsJson.Options);
            return value is null
                ? (null, ApiProblems.BadRequest("Malformed JSON", "The request body must be a JSON object, not null."))
                : (value, null);
        }
        catch (JsonException e)
        {
            var (field, message) = JsonFieldError.From(e);
            return (null, ApiProblems.Validation(new Dictionary<string, string[]> { [field] = [message] }, "The request body is not valid JSON for this resource"));
        }
    }
}
