using System.Security.Cryptography;
using System.Text;
using Alerts.Core.Domain.Incidents;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Security;

/// <summary>Maps an <c>X-Api-Key</c> value to a caller. Keys are looked up by hash so lookups leak nothing about the secret.</summary>
public sealed class ApiKeyAuthenticator
{
    private readonly Dictionary<string, Caller> callersByKeyHash;

    public ApiKeyAuthenticator(IOptions<ApiKeyOptions> options)
    {
        callersByKeyHash = options.Value.Keys.ToDictionary(
            k => Hash(k.Key),
            k => new Caller(Enum.Parse<ApiRole>(k.Role, ignoreCase: true), k.Name, k.Grading is null ? null : SourceGradingParser.TryParse(k.Grading)),
            StringComparer.Ordinal);
    }

    public Caller? Authenticate(string? key) =>
        string.IsNullOrEmpty(key) ? null : callersByKeyHash.GetValueOrDefault(Hash(key));

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
