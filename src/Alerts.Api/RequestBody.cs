using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>Reads a request body within a size cap, whatever its format (a 413 problem past the cap, a 400 when empty).</summary>
public static class RequestBody
{
    public static async Task<(ReadOnlyMemory<byte> Bytes, IResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, string mustBe, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, ApiProblems.TooLarge(maxBytes));
        }

        // Chunked bodies carry no length: read at most one byte past the cap to know.
        var buffer = new byte[maxBytes + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (read > maxBytes)
        {
            return (null, ApiProblems.TooLarge(maxBytes));
        }

        return read == 0
            ? (null, ApiProblems.BadRequest("Empty body", $"The request body must be {mustBe}."))
            : (buffer.AsMemory(0, read), null);
    }
}
