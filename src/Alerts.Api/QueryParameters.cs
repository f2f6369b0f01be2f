using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>Reads the paging parameters every list route shares.</summary>
public static class QueryParameters
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>pageSize (1–100, default 25) and continuationToken; a bad pageSize is added to <paramref name="errors"/>.</summary>
    public static (int PageSize, string? ContinuationToken) Page(HttpRequest request, Dictionary<string, string[]> errors)
    {
        var pageSize = DefaultPageSize;
        var text = request.Query["pageSize"].ToString();
        if (text.Length > 0 && (!int.TryParse(text, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors["pageSize"] = [$"must be a whole number from 1 to {MaxPageSize}."];
        }

        var token = request.Query["continuationToken"].ToString();
        return (pageSize, token.Length > 0 ? token : null);
    }
}
