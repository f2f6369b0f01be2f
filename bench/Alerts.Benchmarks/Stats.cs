using System.Globalization;

namespace Alerts.Benchmarks;

internal static class Stats
{
    /// <summary>Nearest-rank percentile (p in 0–100) of unsorted values; NaN when empty.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.OrderBy(v => v).ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 50);

    public static string F(double value, int decimals = 0) =>
        double.IsNaN(value) ? "–" : value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    /// <summary>"median (min–max)" of several runs.</summary>
    public static string Spread(IReadOnlyCollection<double> values, int decimals = 0) =>
        values.Count == 0 ? "–" : values.Count == 1 ? F(values.First(), decimals) : $"{F(Median(values), decimals)} ({F(values.Min(), decimals)}–{F(values.Max(), decimals)})";
}
