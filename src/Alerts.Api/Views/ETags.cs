using System.Buffers.Text;
using System.Text;

namespace Alerts.Api.Views;

/// <summary>Turns the table row's ETag into a strong HTTP entity tag and back.</summary>
public static class ETags
{
    public static string ToHttp(string storageETag) => $"\"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(storageETag))}\"";

    /// <summary>The storage ETag inside an <c>If-Match</c> value, or null if it is not one this service issued.</summary>
    public static string? FromHttp(string ifMatch)
    {
        var value = ifMatch.Trim();
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value.AsSpan(1, value.Length - 2)));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
