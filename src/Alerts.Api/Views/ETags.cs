using System.Buffers.Text;
using System.Text;

namespace Alerts.Api.Views;

/// <summary>Turns the table row's ETag into a strong HTTP entity tag and back.</summary>
public static class ETags
{
    public static string ToHttp(string storageETag) => $"\"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(storageETag))}\"";
}
