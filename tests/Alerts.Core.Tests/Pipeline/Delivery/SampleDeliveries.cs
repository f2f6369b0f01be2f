using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Pipeline.Delivery;

namespace Alerts.Core.Tests.Pipeline.Delivery;

/// <summary>A notice, a subscriber and an attempt to start delivery tests from.</summary>
internal static class SampleDeliveries
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public static AlertNotice Notice(int? references = null) => new(
        NoticeTypes.Alert,
        "inc-20221115-przewodow",
        2,
        new IncidentFacts(
            new DateTimeOffset(2022, 11, 15, 13, 40, 0, TimeSpan.Zero),
            "missile-impact",
            Severity.Extreme,
            Certainty.Possible,
            Urgency.Immediate,
            new IncidentLocation("PL", "Przewodów", 50.4717, 23.9336),
            "Missile struck a grain dryer; two killed.",
            new Casualties(2, 0),
            new Attribution("Russian Federation", Certainty.Possible),
            null,
            new SourceGrading('C', 3)),
        new DateTimeOffset(2022, 11, 15, 13, 55, 0, TimeSpan.Zero),
        references,
        "https://alerts.example.org/incidents/inc-20221115-przewodow");

    public static Subscriber Subscriber(string target, params SigningSecret[] secrets) => new(
        "sub-1",
        "Border desk",
        SubscriberChannel.Webhook,
        target,
        SubscriberFilter.All,
        Enabled: true,
        secrets.Length == 0 ? [new SigningSecret(Secret, null)] : secrets,
        new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero),
        "etag");

    public static DeliveryAttempt Attempt(string target, string deliveryId = "msg_2bXkdkEJ3Y7gY0PSJ1h7h9PWp8a", int attempt = 1, params SigningSecret[] secrets) =>
        new(deliveryId, Subscriber(target, secrets), Notice(), attempt);
}
