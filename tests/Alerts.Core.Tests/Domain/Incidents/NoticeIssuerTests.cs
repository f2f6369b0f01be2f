using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Tests.Domain.Incidents;

/// <summary>Public notices fan out one at a time: a correction issued during a fan-out waits for it.</summary>
public class NoticeIssuerTests
{
    private static readonly Incident Released = new(
        "inc-0000000000000000", IncidentStatus.Released, 1,
        new IncidentFacts(DateTimeOffset.UnixEpoch, "other", Severity.Minor, Certainty.Likely, Urgency.Past, new IncidentLocation("PL", "x", 0, 0), "s", null, null, null, null),
        "r", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "held", DateTimeOffset.UnixEpoch, 3, "etag");

    [Fact]
    public void Public_WhenNoFanoutRuns_StartsThisOne()
    {
        var (next, notice) = NoticeIssuer.Public(Released, NoticeTypes.Alert, DateTimeOffset.UnixEpoch, null, "hold ended");

        Assert.Equal(1, notice.Number);
        Assert.Equal((1, 1, false, true), (next.LastPublicNotice, next.FanoutNotice, next.FanoutDone, next.FanoutPending));
    }

    [Fact]
    public void Public_WhileAFanoutRuns_QueuesBehindIt()
    {
        var running = Released with { NoticeCount = 1, LastPublicNotice = 1, FanoutNotice = 1, FanoutDone = false };

        var (next, notice) = NoticeIssuer.Public(running, NoticeTypes.Update, DateTimeOffset.UnixEpoch, references: 1, "amended");

        Assert.Equal((2, NoticeTypes.Update, 1), (notice.Number, notice.Type, notice.References));
        Assert.Equal((2, 1, false, false), (next.LastPublicNotice, next.FanoutNotice, next.FanoutDone, next.FanoutPending));
    }

    [Fact]
    public void Review_IsNumberedButDoesNotTouchThePublicChain()
    {
        var running = Released with { NoticeCount = 1, LastPublicNotice = 1, FanoutNotice = 1, FanoutDone = false };

        var (next, review) = NoticeIssuer.Review(running, DateTimeOffset.UnixEpoch, "contested");

        Assert.Equal((2, NoticeAudience.Analysts, NoticeTypes.Review), (review.Number, review.Audience, review.Type));
        Assert.Equal((2, 1, 1, false), (next.NoticeCount, next.LastPublicNotice, next.FanoutNotice, next.FanoutDone));
    }
}
