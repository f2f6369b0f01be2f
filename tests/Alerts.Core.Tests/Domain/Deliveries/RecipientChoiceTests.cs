using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Tests.Domain.Incidents;

namespace Alerts.Core.Tests.Domain.Deliveries;

/// <summary>Who on a page gets a notice, and as what: every row of the choice.</summary>
public class RecipientChoiceTests
{
    private const string Id = "sub-01-0000000000000001";

    private static Subscriber Subscriber(bool enabled = true, SubscriberRole role = SubscriberRole.Subscriber, bool exercises = false, string? country = null) =>
        new(Id, "s", SubscriberChannel.Webhook, "https://example.org/hook", new SubscriberFilter(country is null ? [] : [country], Severity.Unknown, []),
            enabled, [], SampleIncidents.Received, "etag", role, exercises);

    /// <summary>toldBefore: the last public notice the ledger says this subscriber was sent (0: never told).</summary>
    [Theory]
    [InlineData(1, NoticeTypes.Alert, 0, NoticeTypes.Alert, null)] // first alert, never told: alerted
    [InlineData(3, NoticeTypes.Update, 0, NoticeTypes.Alert, null)] // an update, never told: alerted with today's facts
    [InlineData(3, NoticeTypes.Update, 1, NoticeTypes.Update, 1)] // told the alert: the update, after it
    [InlineData(3, NoticeTypes.Update, 3, NoticeTypes.Update, null)] // a repeated page: as recorded
    [InlineData(3, NoticeTypes.Update, 4, null, null)] // told something later already: nothing
    [InlineData(4, NoticeTypes.Cancel, 2, NoticeTypes.Cancel, 2)] // told: the cancellation, after what they were told
    [InlineData(4, NoticeTypes.Cancel, 0, null, null)] // never told: no cancellation of nothing
    [InlineData(2, NoticeTypes.Alert, 1, null, null)] // an alert to someone told: nothing
    public void PublicNotice_ToAnEnabledMatchingSubscriber(int notice, string type, int toldBefore, string? sentAs, int? after)
    {
        var told = toldBefore == 0 ? new Dictionary<string, int>() : new Dictionary<string, int> { [Id] = toldBefore };

        var chosen = RecipientChoice.Choose(notice, type, NoticeAudience.Subscribers, SampleIncidents.Facts, false, [Subscriber()], told);

        Assert.Equal(sentAs, chosen.SingleOrDefault()?.Type);
        Assert.Equal(after, chosen.SingleOrDefault()?.After);
    }

    [Theory]
    [InlineData(false, SubscriberRole.Subscriber, false, false, "PL", false)] // disabled
    [InlineData(true, SubscriberRole.Analyst, false, false, "PL", false)] // analysts get reviews, not alerts
    [InlineData(true, SubscriberRole.Subscriber, false, true, "PL", false)] // an exercise, not opted in
    [InlineData(true, SubscriberRole.Subscriber, true, true, "PL", true)] // an exercise, opted in
    [InlineData(true, SubscriberRole.Subscriber, false, false, "LT", false)] // filter does not match
    [InlineData(true, SubscriberRole.Subscriber, false, false, "PL", true)]
    public void FirstAlert_OnlyToEnabledSubscribersWhoWantIt(bool enabled, SubscriberRole role, bool exercises, bool exercise, string country, bool alerted)
    {
        var facts = SampleIncidents.Facts with { Exercise = exercise };

        var chosen = RecipientChoice.Choose(1, NoticeTypes.Alert, NoticeAudience.Subscribers, facts, false, [Subscriber(enabled, role, exercises, country)], new Dictionary<string, int>());

        Assert.Equal(alerted, chosen.Count == 1);
    }

    [Theory]
    [InlineData(SubscriberRole.Analyst, "PL", true)]
    [InlineData(SubscriberRole.Analyst, "LT", false)]
    [InlineData(SubscriberRole.Subscriber, "PL", false)]
    public void Review_ToMatchingAnalystsOnly(SubscriberRole role, string country, bool reviewed)
    {
        var chosen = RecipientChoice.Choose(2, NoticeTypes.Review, NoticeAudience.Analysts, SampleIncidents.Facts, false, [Subscriber(role: role, country: country)], new Dictionary<string, int>());

        Assert.Equal(reviewed ? NoticeTypes.Review : null, chosen.SingleOrDefault()?.Type);
    }

    [Theory]
    [InlineData(NoticeTypes.Alert, true)]
    [InlineData(NoticeTypes.Update, true)]
    [InlineData(NoticeTypes.Cancel, false)]
    public void AfterACancellation_OnlyTheCancellationGoesOn(string type, bool withdrawn)
    {
        var told = new Dictionary<string, int> { [Id] = 1 };

        var chosen = RecipientChoice.Choose(2, type, NoticeAudience.Subscribers, SampleIncidents.Facts, incidentCancelled: true, [Subscriber()], told);

        Assert.Equal(withdrawn, RecipientChoice.IsWithdrawn(type, NoticeAudience.Subscribers, incidentCancelled: true));
        Assert.Equal(withdrawn, chosen.Count == 0);
    }

    [Theory]
    [InlineData(1, NoticeTypes.Alert, false)]
    [InlineData(2, NoticeTypes.Alert, true)]
    [InlineData(2, NoticeTypes.Update, true)]
    public void OnlyTheFirstAlertChoosesWithoutTheLedger(int notice, string type, bool needed) =>
        Assert.Equal(needed, RecipientChoice.NeedsLedger(notice, type));
}
