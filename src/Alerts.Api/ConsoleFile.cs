using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Alerts.Api;

/// <summary>One file of the duty desk console, as embedded in this assembly from the Console folder.</summary>
public sealed record ConsoleFile(string Name, byte[] Content, string ContentType, EntityTagHeaderValue ETag)
{
    private const string ResourcePrefix = "Alerts.Api.Console/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    /// <summary>Every console file by name, read once from the assembly's resources.</summary>
    public static IReadOnlyDictionary<string, ConsoleFile> All { get; } = Load();

    private static Dictionary<string, ConsoleFile> Load()
    {
        var assembly = typeof(ConsoleFile).Assembly;
        var files = new Dictionary<string, ConsoleFile>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
            files[name] = new ConsoleFile(name, content, type, new EntityTagHeaderValue($"\"{Convert.ToHexString(SHA256.HashData(content))[..16]}\""));
        }

        return files;
    }
}
