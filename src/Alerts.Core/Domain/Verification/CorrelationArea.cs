using System.Globalization;
using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Domain.Verification;

/// <summary>
/// Where the correlator files an open incident so that a later report finds it with point reads: one row per
/// (country, span of event time, band of latitude). Spans are at least twice the correlation window and bands at
/// least twice the correlation distance, so everything a report can match lies in at most 2 × 2 rows. Both sizes are
/// part of the row key: a changed setting starts new rows rather than misreading old ones.
/// </summary>
public sealed record CorrelationArea(string Country, string RowKey)
{
    public const string RowKeyPrefix = "area|";

    /// <summary>Degrees of latitude per kilometre on the sphere <see cref="Geo.DistanceKm"/> uses (never fewer).</summary>
    private const double DegreesPerKm = 1 / 111.0;

    private const double MinimumBandDegrees = 0.5;
    private const int MinimumSpanHours = 6;

    /// <summary>The row an incident with these facts is filed in.</summary>
    public static CorrelationArea Of(IncidentFacts facts, VerificationOptions options)
    {
        var (span, band) = Sizes(options);
        return At(facts.Location.Country, SpanIndex(facts.OccurredAt, span), span, BandIndex(facts.Location.Lat, band), band);
    }

    /// <summary>Every row that can hold an incident a report with these facts may match (its own row among them).</summary>
    public static IReadOnlyList<CorrelationArea> Around(IncidentFacts facts, VerificationOptions options)
    {
        var (span, band) = Sizes(options);
        var reach = options.CorrelationDistanceKm * DegreesPerKm;
        var areas = new List<CorrelationArea>(4);
        for (var s = SpanIndex(facts.OccurredAt - options.CorrelationWindow, span); s <= SpanIndex(facts.OccurredAt + options.CorrelationWindow, span); s++)
        {
            for (var b = BandIndex(facts.Location.Lat - reach, band); b <= BandIndex(facts.Location.Lat + reach, band); b++)
            {
                areas.Add(At(facts.Location.Country, s, span, b, band));
            }
        }

        return areas;
    }

    private static (int SpanHours, double BandDegrees) Sizes(VerificationOptions options)
    {
        var span = Math.Max(MinimumSpanHours, (int)Math.Ceiling(2 * options.CorrelationWindow.TotalHours));
        var band = Math.Max(MinimumBandDegrees, Math.Ceiling(2 * options.CorrelationDistanceKm * DegreesPerKm / MinimumBandDegrees) * MinimumBandDegrees);
        return (span, band);
    }

    private static long SpanIndex(DateTimeOffset time, int spanHours) =>
        (long)Math.Floor(time.ToUnixTimeSeconds() / 3600.0 / spanHours);

    private static int BandIndex(double lat, double bandDegrees) =>
        (int)Math.Floor((Math.Clamp(lat, -90, 90) + 90) / bandDegrees);

    private static CorrelationArea At(string country, long span, int spanHours, int band, double bandDegrees) =>
        new(country, string.Create(CultureInfo.InvariantCulture, $"{RowKeyPrefix}{spanHours}h|{span}|{bandDegrees:0.0}d|{band}"));
}
