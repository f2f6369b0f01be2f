using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline.Delivery;

namespace Alerts.Core.Tests.Pipeline.Delivery.Email;

/// <summary>Notices and delivery attempts for email tests; each test changes only what it is about.</summary>
internal static class EmailNotices
{
    public static readonly DateTimeOffset IssuedAt = new(2022, 11, 15, 15, 52, 0, TimeSpan.Zero);

    public static IncidentFacts Przewodow(string summary = "Missile struck a grain dryer; two killed.") => new(
        OccurredAt: new DateTimeOffset(2022, 11, 15, 13, 40, 0, TimeSpan.Zero),
        Category: IncidentCategories.MissileImpact,
        Severity: Severity.Extreme,
        Certainty: Certainty.Possible,
        Urgency: Urgency.Immediate,
        Location: new IncidentLocation("PL", "Przewodów", 50.4717, 23.9336),
        Summary: summary,
        Casualties: new Casualties(2, 0),
        Attribution: new Attribution("Russian Federation", Certainty.Possible),
        Details: "Impact near the grain dryer on the village's eastern edge.",
        Source: new SourceGrading('C', 3));

    public static AlertNotice Notice(string type = NoticeTypes.Alert, int version = 1, int? references = null, IncidentFacts? facts = null) => new(
        Type: type,
        IncidentId: "inc-0g9xk2m4pq7r3stvwx",
        Version: version,
        Facts: facts ?? Przewodow(),
        IssuedAt: IssuedAt,
        References: references,
        IncidentUrl: "https://alerts.example.org/incidents/inc-0g9xk2m4pq7r3stvwx");

    public static Subscriber Subscriber(string target = "Duty Officer <duty@example.org>") => new(
        Id: "sub-duty",
        Name: "Duty officer",
        Channel: SubscriberChannel.Email,
        Target: target,
        Filter: SubscriberFilter.All,
        Enabled: true,
        Secrets: [],
        CreatedAt: IssuedAt.AddDays(-30),
        ETag: "*");

    public static DeliveryAttempt Attempt(string? deliveryId = null, AlertNotice? notice = null, Subscriber? subscriber = null, int attempt = 1) =>
        new(deliveryId ?? "msg_" + Guid.NewGuid().ToString("N"), subscriber ?? Subscriber(), notice ?? Notice(), attempt);
}
