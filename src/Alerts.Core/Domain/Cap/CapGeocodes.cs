namespace Alerts.Core.Domain.Cap;

/// <summary>The geocode schemes intake reads the country from: ISO 3166-1 alpha-2 (PL), or ISO 3166-2 subdivisions (PL-LU).</summary>
public static class CapGeocodes
{
    public const string Country = "ISO3166-1";
    public const string Subdivision = "ISO3166-2";

    /// <summary>The alpha-2 country a geocode names, or null when its scheme is not one of these.</summary>
    public static string? CountryOf(string valueName, string value)
    {
        var scheme = valueName.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(":", "-", StringComparison.Ordinal).ToUpperInvariant();
        return scheme switch
        {
            Country => value.Trim().ToUpperInvariant(),
            Subdivision when value.Trim() is { Length: > 3 } code && code[2] == '-' => code[..2].ToUpperInvariant(),
            _ => null,
        };
    }
}
