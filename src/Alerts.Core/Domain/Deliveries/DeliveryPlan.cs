using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Domain.Deliveries;

/// <summary>
/// Decides, for one delivery record, what the delivery stage does now. Corrections are sacred: whoever may have been
/// told (<see cref="DeliveryRecord.PossiblyTold"/>) gets the correction after it. So after a cancellation no alert or
/// update is sent any more — one never attempted is withdrawn, one that may have reached the receiver is stopped as
/// attempted — and the cancellation follows whatever may have been told; a correction of a notice nobody was told is
/// withdrawn; a correction waits while the notice it follows is on its way; a record another instance holds, or not
/// yet due, waits; the rest is claimed and sent.
/// </summary>
public static class DeliveryPlan
{
    /// <summary>How often a correction looks again while its predecessor is being sent (a claim lasts minutes, a send seconds).</summary>
    public static readonly TimeSpan PredecessorPoll = TimeSpan.FromSeconds(2);

    /// <summary>A retry due within this is sent now: queue delays are whole seconds.</summary>
    public static readonly TimeSpan DueTolerance = TimeSpan.FromSeconds(1);

    public const string CancelledFirst = "incident cancelled before this was sent";
    public const string PredecessorNeverSent = "the notice it corrects was never sent";

    public static string CancelledAfter(int attempts) =>
        $"incident cancelled after {attempts} attempt(s) that may have reached the receiver; the cancellation follows";

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

        if (record.After is not null && predecessor is null)
        {
            return new DeliveryStep.Withdraw(PredecessorNeverSent);
        }

        if (incidentCancelled && record.NoticeType != NoticeTypes.Cancel)
        {
            return record.AttemptsMade > 0
                ? new DeliveryStep.Stop(CancelledAfter(record.AttemptsMade))
                : new DeliveryStep.Withdraw(CancelledFirst, EarlierTold: predecessor?.PossiblyTold ?? false);
        }

        if (predecessor is not null)
        {
            if (!predecessor.IsSettled && !(incidentCancelled && StoppedByCancellation(predecessor, now)))
            {
                // Order per subscriber: the correction waits for the notice it follows.
                return new DeliveryStep.Wait(predecessor.Status == DeliveryStatus.Pending && predecessor.NextAttemptAt is { } next ? next : now + PredecessorPoll);
            }

            if (!predecessor.PossiblyTold)
            {
                return new DeliveryStep.Withdraw(PredecessorNeverSent);
            }
        }

        return record switch
        {
            { Status: DeliveryStatus.Sending, ClaimedUntil: { } until } when until > now => new DeliveryStep.Wait(until),
            { Status: DeliveryStatus.Pending, NextAttemptAt: { } due } when due > now + DueTolerance => new DeliveryStep.Wait(due),
            _ => new DeliveryStep.Send(),
        };
    }

    /// <summary>
    /// After a cancellation, a predecessor waiting for a later retry will never be sent again, and no instance is about to
    /// send it now (it is not due): what it was — possibly told or not — is final, and its cancellation need not wait
    /// hours for that retry to come round and stop it.
    /// </summary>
    private static bool StoppedByCancellation(DeliveryRecord predecessor, DateTimeOffset now) =>
        predecessor is { Status: DeliveryStatus.Pending, NextAttemptAt: { } next } && next > now + PredecessorPoll;
}
