using System.Globalization;

namespace Alerts.Core.Domain.Cap;

/// <summary>CAP 1.2 date-times: to the second, always with a numeric offset (the schema refuses "Z").</summary>
public static class CapTime
{
    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
}
