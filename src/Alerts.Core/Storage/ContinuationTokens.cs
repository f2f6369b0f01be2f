using System.Buffers.Text;
using System.Text;

namespace Alerts.Core.Storage;

/// <summary>Wraps the table service's continuation tokens into opaque, URL-safe strings for API clients.</summary>
public static class ContinuationTokens
{
    public static string? Encode(string? token) =>
        token is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw new InvalidContinuationTokenException();
        }
    }
}
