using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Tests.Domain.Deliveries;

/// <summary>What the delivery stage does with one record: every row of the plan.</summary>
public class DeliveryPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static DeliveryRecord Record(string type, DeliveryStatus status, int? after = null, int? claimedFor = null, int? dueIn = null) =>
        new(new DeliveryKey("inc-0000000000000000", after is null ? 1 : after.Value + 1, "sub-01-0000000000000001"), type, SubscriberChannel.Webhook, "s",
            status, 1, 0, null, null, Now, null, null, dueIn is null ? null : Now.AddSeconds(dueIn.Value), claimedFor is null ? null : Now.AddSeconds(claimedFor.Value), "etag", after);

    private static string Describe(DeliveryStep step) => step switch
    {
        DeliveryStep.Skip => "skip",
        DeliveryStep.Send => "send",
        DeliveryStep.Withdraw w => "withdraw: " + w.Reason,
        DeliveryStep.Wait w => $"wait {(w.At - Now).TotalSeconds:0} s",
        _ => throw new InvalidOperationException(),
    };

    public static TheoryData<string, DeliveryRecord?, DeliveryRecord?, bool, string> Rows => new()
    {
        { "no record", null, null, false, "skip" },
        { "delivered", Record(NoticeTypes.Alert, DeliveryStatus.Delivered), null, false, "skip" },
        { "failed", Record(NoticeTypes.Alert, DeliveryStatus.Failed), null, false, "skip" },
        { "withdrawn", Record(NoticeTypes.Alert, DeliveryStatus.Withdrawn), null, false, "skip" },
        { "pending alert", Record(NoticeTypes.Alert, DeliveryStatus.Pending), null, false, "send" },
        { "pending alert, due within a second", Record(NoticeTypes.Alert, DeliveryStatus.Pending, dueIn: 1), null, false, "send" },
        { "pending alert, due later", Record(NoticeTypes.Alert, DeliveryStatus.Pending, dueIn: 30), null, false, "wait 30 s" },
        { "held by another instance", Record(NoticeTypes.Alert, DeliveryStatus.Sending, claimedFor: 200), null, false, "wait 200 s" },
        { "a claim whose lease ran out", Record(NoticeTypes.Alert, DeliveryStatus.Sending, claimedFor: -1), null, false, "send" },
        { "alert after a cancellation", Record(NoticeTypes.Alert, DeliveryStatus.Pending), null, true, "withdraw: " + DeliveryPlan.CancelledFirst },
        { "update after a cancellation", Record(NoticeTypes.Update, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Delivered), true, "withdraw: " + DeliveryPlan.CancelledFirst },
        { "correction of nothing", Record(NoticeTypes.Update, DeliveryStatus.Pending, after: 1), null, false, "withdraw: " + DeliveryPlan.PredecessorNeverSent },
        { "correction of a withdrawn notice", Record(NoticeTypes.Update, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Withdrawn), false, "withdraw: " + DeliveryPlan.PredecessorNeverSent },
        { "correction, predecessor retrying", Record(NoticeTypes.Update, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Pending, dueIn: 40), false, "wait 40 s" },
        { "correction, predecessor being sent", Record(NoticeTypes.Update, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Sending, claimedFor: 300), false, "wait 2 s" },
        { "correction, predecessor delivered", Record(NoticeTypes.Update, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Delivered), false, "send" },
        { "correction, predecessor failed", Record(NoticeTypes.Update, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Failed), false, "send" },
        { "cancel after a cancellation", Record(NoticeTypes.Cancel, DeliveryStatus.Pending, after: 1), Record(NoticeTypes.Alert, DeliveryStatus.Delivered), true, "send" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void For(string situation, DeliveryRecord? record, DeliveryRecord? predecessor, bool cancelled, string step)
    {
        Assert.NotEmpty(situation);
        Assert.Equal(step, Describe(DeliveryPlan.For(record, predecessor, cancelled, Now)));
    }
}
