using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Tests.Domain.Incidents;

/// <summary>Incidents in a given status to feed pure decisions.</summary>
internal static class SampleIncidents
{
    public static readonly DateTimeOffset Received = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static readonly IncidentFacts Facts = new(
        Received.AddMinutes(-5), IncidentCategories.MissileImpact, Severity.Extreme, Certainty.Possible, Urgency.Immediate,
        new IncidentLocation("PL", "Przewodów", 50.4717, 23.9336), "Missile struck a grain dryer; two killed.", new Casualties(2, 0),
        new Attribution("Russian Federation", Certainty.Possible), null, new SourceGrading('C', 3));

    public static Incident In(IncidentStatus status, TimeSpan? hold = null) => new(
        "inc-0000000000000000", status, 1, Facts, "reporter-a", Received, Received + (hold ?? TimeSpan.FromMinutes(8)), "held 8 min",
        IncidentLifecycle.IsIssued(status) || status == IncidentStatus.Cancelled ? Received.AddMinutes(8) : null, 2, "etag", ReporterList: "reporter-a");
}
