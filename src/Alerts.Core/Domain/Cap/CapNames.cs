namespace Alerts.Core.Domain.Cap;

/// <summary>The names CAP 1.2 documents are known by: their XML namespace and media types.</summary>
public static class CapNames
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>The media type of a CAP document (RFC 6838 +xml suffix, as CAP consumers ask for it).</summary>
    public const string MediaType = "application/cap+xml";

    /// <summary>Also accepted for intake: many CAP producers send their documents as plain XML.</summary>
    public const string XmlMediaType = "application/xml";

    public static bool IsCapMediaType(string? mediaType) =>
        string.Equals(mediaType, MediaType, StringComparison.OrdinalIgnoreCase) || string.Equals(mediaType, XmlMediaType, StringComparison.OrdinalIgnoreCase);
}
