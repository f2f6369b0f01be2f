using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Alerts.Testing;

/// <summary>A response an endpoint wrote: status, headers, body.</summary>
public sealed record HttpCallResponse(int Status, IHeaderDictionary Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public bool IsProblem => Headers.ContentType.ToString().StartsWith("application/problem+json", StringComparison.Ordinal);
}
