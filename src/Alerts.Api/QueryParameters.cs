using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>Reads the paging parameters every list route shares.</summary>
public static class QueryParameters
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public static bool TryPageSize(HttpRequest request, Dictionary<string, string[]> errors, out int pageSize)
    {
        pageSize = DefaultPageSize;
        var text = request.Query["pageSize"].ToString();
        if (text.Length > 0 && (!int.TryParse(text, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors["pageSize"] = [$"must be a whole number from 1 to {MaxPageSize}."];
            return false;
        }

        return true;
    }

    public static string? ContinuationToken(HttpRequest request) =>
        request.Query["continuationToken"].ToString() is { Length: > 0 } token ? token : null;
}
