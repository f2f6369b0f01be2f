using Azure;
using Azure.Data.Tables;

namespace Alerts.Core.Storage;

/// <summary>
/// One page of a filtered table query. A filter the service cannot answer from keys alone may return short or empty
/// pages with a continuation token, so this reads on until the page is full, the table ends, or it has asked
/// <c>maxRequests</c> times (then the page is short and its token says where to go on).
/// </summary>
internal static class FilteredScan
{
    public static async Task<(List<TableEntity> Rows, string? ContinuationToken)> PageAsync(
        TableClient table, string filter, int pageSize, string? continuationToken, CancellationToken cancellationToken, int maxRequests = int.MaxValue)
    {
        var rows = new List<TableEntity>();
        var token = ContinuationTokens.Decode(continuationToken);
        for (var requests = 0; rows.Count < pageSize && requests < maxRequests; requests++)
        {
            var pages = table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize - rows.Count, cancellationToken: cancellationToken).AsPages(token);
            Page<TableEntity>? page = null;
            await foreach (var p in pages)
            {
                page = p;
                break;
            }

            if (page is null)
            {
                token = null;
                break;
            }

            rows.AddRange(page.Values);
            token = page.ContinuationToken;
            if (token is null)
            {
                break;
            }
        }

        return (rows, ContinuationTokens.Encode(token));
    }
}
