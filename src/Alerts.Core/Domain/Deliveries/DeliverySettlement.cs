namespace Alerts.Core.Domain.Deliveries;

/// <summary>
/// What an attempt's outcome makes of its delivery record: delivered; pending again at the next delay of the retry
/// schedule (or later, if the receiver asked); failed when the schedule is used up or the failure is permanent.
/// </summary>
public static class DeliverySettlement
{
    public static (DeliveryRecord Record, TimeSpan? RetryIn) Settle(DeliveryRecord record, DeliveryOutcome outcome, RetrySchedule schedule, DateTimeOffset now)
    {
        var done = record with { ClaimedUntil = null, NextAttemptAt = null, LastCode = outcome.Code, LastError = null };
        var attempts = record.AttemptsMade - record.ScheduleStart;
        switch (outcome)
        {
            case DeliveryOutcome.Delivered:
                return (done with { Status = DeliveryStatus.Delivered, DeliveredAt = now }, null);
            case DeliveryOutcome.Retry retry when schedule.NextDelay(attempts, retry.RetryAfter) is { } delay:
                return (done with { Status = DeliveryStatus.Pending, NextAttemptAt = now + delay, LastError = retry.Detail }, delay);
            case DeliveryOutcome.Retry retry:
                return (done with { Status = DeliveryStatus.Failed, LastError = $"retries exhausted after {attempts} attempts; last: {retry.Detail}" }, null);
            default:
                return (done with { Status = DeliveryStatus.Failed, LastError = outcome.Detail }, null);
        }
    }
}
