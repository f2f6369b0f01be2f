using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Tests.Domain.Deliveries;

/// <summary>When an attempt changes what is known of an endpoint, and when it disables the subscriber.</summary>
public class EndpointHealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan FiveDays = TimeSpan.FromDays(5);

    private static Subscriber Subscriber(double? failingForHours, bool enabled = true) =>
        new("sub-01-0000000000000001", "s", SubscriberChannel.Webhook, "https://example.org/", SubscriberFilter.All, enabled, [], Now.AddDays(-30), "etag",
            FailingSince: failingForHours is null ? null : Now.AddHours(-failingForHours.Value));

    public static TheoryData<string, double?, DeliveryOutcome, string> Rows => new()
    {
        { "works, delivered", null, new DeliveryOutcome.Delivered("HTTP 200", 200), "no change" },
        { "failing, delivered", 30, new DeliveryOutcome.Delivered("HTTP 200", 200), "recovered" },
        { "works, a retry", null, new DeliveryOutcome.Retry("HTTP 503", 503), "failing since now" },
        { "works, a failure", null, new DeliveryOutcome.Failed("HTTP 400", 400), "failing since now" },
        { "failing a day, a retry", 24, new DeliveryOutcome.Retry("timed out", null), "no change" },
        { "failing five days, a retry", 120, new DeliveryOutcome.Retry("timed out", null), "disabled" },
        { "works, 410 Gone", null, new DeliveryOutcome.Failed("HTTP 410 Gone", 410, DisableSubscriber: true), "disabled" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void After(string situation, double? failingForHours, DeliveryOutcome outcome, string expected)
    {
        var change = EndpointHealth.After(Subscriber(failingForHours), outcome, Now, FiveDays);

        var actual = change switch
        {
            null => "no change",
            { Enabled: false } => "disabled",
            { FailingSince: null } => "recovered",
            { FailingSince: var since } when since == Now => "failing since now",
            _ => "other",
        };
        Assert.True(expected == actual, $"{situation}: expected {expected}, was {actual}");
        if (change is { Enabled: false })
        {
            Assert.StartsWith("disabled ", change.DisabledReason, StringComparison.Ordinal);
            Assert.Contains(outcome.Detail, change.DisabledReason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ZeroDisablesNever_AndADisabledSubscriberChangesNothing()
    {
        Assert.Null(EndpointHealth.After(Subscriber(24 * 365), new DeliveryOutcome.Retry("timed out", null), Now, TimeSpan.Zero));
        Assert.Null(EndpointHealth.After(Subscriber(null, enabled: false), new DeliveryOutcome.Retry("timed out", null), Now, FiveDays));
    }
}
