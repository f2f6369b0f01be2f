using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Tests.Domain.Deliveries;

/// <summary>What the delivery stage does with one record: every row of the plan.</summary>
public class DeliveryPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static DeliveryRecord Record(string type, DeliveryStatus status, int? after = null, int? claimedFor = null, int? dueIn = null, int attempts = 1, bool earlierTold = false) =>
        new(new DeliveryKey("inc-0000000000000000", after is null ? 1 : after.Value + 1, "sub-01-0000000000000001"), type, SubscriberChannel.Webhook, "s",
            status, attempts, 0, null, null, Now, null, null, dueIn is null ? null : Now.AddSeconds(dueIn.Value), claimedFor is null ? null : Now.AddSeconds(claimedFor.Value), "etag", after, earlierTold);

    private static string Describe(DeliveryStep step) => step switch
    {
        DeliveryStep.Skip => "skip",
        DeliveryStep.Send => "send",
        DeliveryStep.Withdraw { EarlierTold: true } w => "withdraw, earlier told: " + w.Reason,
        DeliveryStep.Withdraw w => "withdraw: " + w.Reason,
        DeliveryStep.Stop s => "stop: " + s.Reason,
        DeliveryStep.Wait w => $"wait {(w.At - Now).TotalSeconds:0} s",
        _ => throw new InvalidOperationException(),
    };

    private static readonly DeliveryRecord Delivered = Record(NoticeTypes.Alert, DeliveryStatus.Delivered);

    public static TheoryData<string, DeliveryRecord?, DeliveryRecord?, bool, string> Rows => new()
    {
        { "no record", null, null, false, "skip" },
        { "delivered", Delivered, null, false, "skip" },
        { "failed", Record(NoticeTypes.Alert, DeliveryStatus.Failed), null, false, "skip" },
        { "withdrawn", Record(NoticeTypes.Alert, DeliveryStatus.Withdrawn), null, false, "skip" },
        { "attempted", Record(NoticeTypes.Alert, DeliveryStatus.Attempted), null, false, "skip" },
        { "pending alert", Record(NoticeTypes.Alert, DeliveryStatus.Pending, attempts: 0), null, false, "send" },
        { "pending alert, due within a second", Record(NoticeTypes.Alert, DeliveryStatus.Pending, dueIn: 1), null, false, "send" },
        { "pending alert, due later", Record(NoticeTypes.Alert, DeliveryStatus.Pending, dueIn: 30), null, false, "wait 30 s" },
        { "held by another instance", Record(NoticeTypes.Alert, DeliveryStatus.Sending, claimedFor: 200), null, false, "wait 200 s" },
        { "a claim whose lease ran out", Record(NoticeTypes.Alert, DeliveryStatus.Sending, claimedFor: -1), null, false, "send" },
        { "cancelled, alert never attempted", Record(NoticeTypes.Alert, DeliveryStatus.Pending, attempts: 0), null, true, "withdraw: " + DeliveryPlan.CancelledFirst },
        { "cancelled, alert attempted (a timeout, a retry due)", Record(NoticeTypes.Alert, DeliveryStatus.Pending, dueIn: 1), null, true, "stop: " + DeliveryPlan.CancelledAfter(1) },
        { "cancelled, alert being sent by another instance", Record(NoticeTypes.Alert, DeliveryStatus.Sending, claimedFor: 200, attempts: 2), null, true, "stop: " + DeliveryPlan.CancelledAfter(2) },
        { "cancelled, update never attempted after a delivered alert", Record(NoticeTypes.Update, DeliveryStatus.Pending, after: 1, attempts: 0), Delivered, true, "withdraw, earlier told: " + DeliveryPlan.CancelledFirst },
        { "cancelled, update never attempted after an alert never sent", Record(NoticeTypes.Update, DeliveryStatus.Pending, after: 1, attempts: 0), Record(NoticeTypes.Alert, DeliveryStatus.Withdrawn, attempts: 0), true, "withdraw: " + DeliveryPlan.CancelledFirst },
        { "correction of nothing", Record(NoticeTypes.Update, DeliveryStatus.Pending, after: 1), null, false, "withdraw: " + DeliveryPlan.PredecessorNeverSent },
        { "correction of a notice never attempted", Record(NoticeTypes.Update, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Withdrawn, attempts: 0), false, "withdraw: " + DeliveryPlan.PredecessorNeverSent },
        { "correction of a withdrawn update after a told alert", Record(NoticeTypes.Cancel, DeliveryStatus.Pending, after: 2, attempts: 0), Record(NoticeTypes.Update, DeliveryStatus.Withdrawn, after: 1, attempts: 0, earlierTold: true), true, "send" },
        { "correction, predecessor retrying", Record(NoticeTypes.Update, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Pending, dueIn: 40), false, "wait 40 s" },
        { "correction, predecessor being sent", Record(NoticeTypes.Update, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Sending, claimedFor: 300), false, "wait 2 s" },
        { "correction, predecessor delivered", Record(NoticeTypes.Update, DeliveryStatus.Pending, after: 1), Delivered, false, "send" },
        { "correction, predecessor failed after attempts", Record(NoticeTypes.Update, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Failed), false, "send" },
        { "cancel, alert delivered", Record(NoticeTypes.Cancel, DeliveryStatus.Pending, after: 1), Delivered, true, "send" },
        { "cancel, alert attempted and stopped", Record(NoticeTypes.Cancel, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Attempted), true, "send" },
        { "cancel, alert timed out, next retry far off", Record(NoticeTypes.Cancel, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Pending, dueIn: 600), true, "send" },
        { "cancel, alert retry due now: it may be being claimed", Record(NoticeTypes.Cancel, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Pending, dueIn: 1), true, "wait 1 s" },
        { "cancel, alert in flight", Record(NoticeTypes.Cancel, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Sending, claimedFor: 300), true, "wait 2 s" },
        { "cancel, alert never attempted", Record(NoticeTypes.Cancel, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Withdrawn, attempts: 0), true, "withdraw: " + DeliveryPlan.PredecessorNeverSent },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void For(string situation, DeliveryRecord? record, DeliveryRecord? predecessor, bool cancelled, string step)
    {
        Assert.NotEmpty(situation);
        Assert.Equal(step, Describe(DeliveryPlan.For(record, predecessor, cancelled, Now)));
    }
}
