using System.Text.Json;
using System.Text.Json.Nodes;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Alerts.Api;

/// <summary>Reads a JSON request body with a size cap, turning every way it can be wrong into a problem (400/413/415).</summary>
public static class JsonBody
{
    private const int MaxDepth = 64;

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
            // A free-form document (a merge patch) is read as strictly as a typed one: a field given twice is refused.
            var json = bytes.Span;
            if (typeof(T) == typeof(JsonNode))
            {
                if (DuplicateFields.Find(json) is { } twice)
                {
                    return (null, ApiProblems.Validation(new Dictionary<string, string[]> { [twice] = ["is given more than once."] }, "The request body is not valid JSON for this resource"));
                }

                return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth }) is T patch ? (patch, null) : (null, ApiProblems.BadRequest("Malformed JSON", "The request body must be a JSON object, not null."));
            }

            var value = JsonSerializer.Deserialize<T>(json, AlertsJson.Options);
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
