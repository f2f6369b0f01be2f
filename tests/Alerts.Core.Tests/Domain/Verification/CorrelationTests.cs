using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Verification;

namespace Alerts.Core.Tests.Domain.Verification;

public class CorrelationTests
{
    private static IncidentFacts Facts(string category = "missile-impact", string? actor = "Russian Federation") => new(
        DateTimeOffset.UnixEpoch, category, Severity.Extreme, Certainty.Possible, Urgency.Immediate,
        new IncidentLocation("PL", "Przewodów", 50.4717, 23.9336), "summary", null,
        actor is null ? null : new Attribution(actor, Certainty.Possible), null, null);

    [Theory]
    [InlineData(50.4717, 23.9336, 50.4717, 23.9336, 0, 0.01)]
    [InlineData(50.4717, 23.9336, 50.7800, 23.8800, 34, 35)] // Przewodów – Hrubieszów
    [InlineData(52.2297, 21.0122, 50.0647, 19.9450, 251, 253)] // Warsaw – Kraków
    public void Distance_IsTheGreatCircle(double lat1, double lon1, double lat2, double lon2, double atLeast, double atMost)
    {
        var km = Geo.DistanceKm(lat1, lon1, lat2, lon2);

        Assert.InRange(km, atLeast, atMost);
    }

    [Theory]
    [InlineData("missile-impact", "Russian Federation", 0)]
    [InlineData("missile-impact", "russian federation", 0)]
    [InlineData("missile-impact", null, 0)]
    [InlineData("missile-impact", "Ukrainian air defence", 1)]
    [InlineData("artillery-fire", "Russian Federation", 1)]
    [InlineData("artillery-fire", "Belarus", 2)]
    public void Conflicts_NameTheKeyFactsThatDisagree(string category, string? actor, int conflicts) =>
        Assert.Equal(conflicts, CorrelationRules.Conflicts(Facts(), Facts(category, actor)).Count);

    [Theory]
    [InlineData("missile-impact", "Russian Federation", true)]
    [InlineData("missile-impact", null, false)]
    [InlineData("drone-incursion", "Russian Federation", false)]
    [InlineData("artillery-fire", null, true)]
    public void ConfirmationPolicy_AppliesPerCategoryAndAttribution(string category, string? actor, bool required)
    {
        var options = new VerificationOptions
        {
            ConfirmationRequired =
            [
                new() { Category = "missile-impact", AttributedOnly = true },
                new() { Category = "artillery-fire" },
            ],
        };
        var policy = new ConfirmationPolicy(new StaticMonitor<VerificationOptions>(options));

        Assert.Equal(required, policy.Required(Facts(category, actor)));
    }

    private sealed class StaticMonitor<T>(T value) : Microsoft.Extensions.Options.IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
