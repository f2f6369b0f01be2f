using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Domain.Deliveries;

/// <summary>What an attempt's outcome makes of its record.</summary>
public class DeliverySettlementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>No jitter (the source's middle value): delays are exactly 5 s and 30 s, then the schedule is used up.</summary>
    private static readonly RetrySchedule Schedule = new(Options.Create(new RetryOptions { Schedule = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)] }), new MiddleJitter());

    private static DeliveryRecord Claimed(int attempts, int scheduleStart = 0) =>
        new(new DeliveryKey("inc-0000000000000000", 1, "sub-01-0000000000000001"), NoticeTypes.Alert, SubscriberChannel.Webhook, "s",
            DeliveryStatus.Sending, attempts, scheduleStart, null, null, Now, Now, null, null, Now.AddMinutes(5), "etag");

    [Theory]
    [InlineData("delivered", 1, 0, DeliveryStatus.Delivered, null)]
    [InlineData("retry", 1, 0, DeliveryStatus.Pending, 5)]
    [InlineData("retry", 2, 0, DeliveryStatus.Pending, 30)]
    [InlineData("retry", 3, 0, DeliveryStatus.Failed, null)]
    [InlineData("retry", 4, 3, DeliveryStatus.Pending, 5)] // redelivered after attempt 3: a fresh schedule
    [InlineData("failed", 1, 0, DeliveryStatus.Failed, null)]
    public void Settle(string outcome, int attempts, int scheduleStart, DeliveryStatus status, int? retryInSeconds)
    {
        DeliveryOutcome what = outcome switch
        {
            "delivered" => new DeliveryOutcome.Delivered("HTTP 200 OK", 200),
            "retry" => new DeliveryOutcome.Retry("HTTP 503 Service Unavailable", 503),
            _ => new DeliveryOutcome.Failed("HTTP 400 Bad Request", 400),
        };

        var (record, retryIn) = DeliverySettlement.Settle(Claimed(attempts, scheduleStart), what, Schedule, Now);

        Assert.Equal(status, record.Status);
        Assert.Equal(retryInSeconds is null ? null : TimeSpan.FromSeconds(retryInSeconds.Value), retryIn);
        Assert.Equal(retryInSeconds is null ? null : Now.AddSeconds(retryInSeconds.Value), record.NextAttemptAt);
        Assert.Null(record.ClaimedUntil);
        Assert.Equal(what.Code, record.LastCode);
        Assert.Equal(status == DeliveryStatus.Delivered ? Now : null, record.DeliveredAt);
        if (status == DeliveryStatus.Failed && outcome == "retry")
        {
            Assert.StartsWith($"retries exhausted after {attempts - scheduleStart} attempts", record.LastError, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Settle_RetryAfterLongerThanTheSchedule_WaitsAsTheReceiverAsked()
    {
        var (record, retryIn) = DeliverySettlement.Settle(Claimed(1), new DeliveryOutcome.Retry("HTTP 429", 429, TimeSpan.FromMinutes(2)), Schedule, Now);

        Assert.Equal(TimeSpan.FromMinutes(2), retryIn);
        Assert.Equal(Now.AddMinutes(2), record.NextAttemptAt);
    }

    private sealed class MiddleJitter : IJitterSource
    {
        public double Next() => 0.5;
    }
}
