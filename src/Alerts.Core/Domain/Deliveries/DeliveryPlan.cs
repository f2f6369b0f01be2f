namespace Alerts.Core.Domain.Deliveries;

/// <summary>
/// Decides, for one delivery record, what the delivery stage does now: after a cancellation no alert or update starts;
/// a correction follows the notice it corrects (withdrawn with it, never sent without it, waiting while it is on its
/// way); a record another instance holds, or not yet due, waits; the rest is claimed and sent.
/// </summary>
public static class DeliveryPlan
{
    /// <summary>How often a correction looks again while its predecessor is being sent (a claim lasts minutes, a send seconds).</summary>
    public static readonly TimeSpan PredecessorPoll = TimeSpan.FromSeconds(2);

    /// <summary>A retry due within this is sent now: queue delays are whole seconds.</summary>
    public static readonly TimeSpan DueTolerance = TimeSpan.FromSeconds(1);

    public const string CancelledFirst = "incident cancelled before this was sent";
    public const string PredecessorNeverSent = "the notice it corrects was never sent";

    /// <param name="record">The delivery, or null if it has no record.</param>
    /// <param name="predecessor">For a correction, the record of the notice it follows for the same subscriber (null: none).</param>
    /// <param name="incidentCancelled">Whether the incident has been cancelled.</param>
    /// <param name="now">The time now.</param>
    public static DeliveryStep For(DeliveryRecord? record, DeliveryRecord? predecessor, bool incidentCancelled, DateTimeOffset now)
    {
        if (record is null || record.IsSettled)
        {
            return new DeliveryStep.Skip();
        }

        if (incidentCancelled && record.NoticeType != Incidents.NoticeTypes.Cancel)
        {
            return new DeliveryStep.Withdraw(CancelledFirst);
        }

        if (record.After is not null && (predecessor is null || predecessor.Status == DeliveryStatus.Withdrawn))
        {
            return new DeliveryStep.Withdraw(PredecessorNeverSent);
        }

        if (predecessor is { IsSettled: false })
        {
            return new DeliveryStep.Wait(predecessor.Status == DeliveryStatus.Pending && predecessor.NextAttemptAt is { } next ? next : now + PredecessorPoll);
        }

        return record switch
        {
            { Status: DeliveryStatus.Sending, ClaimedUntil: { } until } when until > now => new DeliveryStep.Wait(until),
            { Status: DeliveryStatus.Pending, NextAttemptAt: { } due } when due > now + DueTolerance => new DeliveryStep.Wait(due),
            _ => new DeliveryStep.Send(),
        };
    }
}
