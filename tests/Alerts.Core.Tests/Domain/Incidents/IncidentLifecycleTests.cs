using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Tests.Domain.Incidents;

public class IncidentLifecycleTests
{
    [Theory]
    [InlineData(IncidentStatus.Held, IncidentStatus.Released, true)]
    [InlineData(IncidentStatus.Held, IncidentStatus.Retracted, true)]
    [InlineData(IncidentStatus.Held, IncidentStatus.AwaitingConfirmation, true)]
    [InlineData(IncidentStatus.AwaitingConfirmation, IncidentStatus.Released, true)]
    [InlineData(IncidentStatus.Released, IncidentStatus.Updated, true)]
    [InlineData(IncidentStatus.Released, IncidentStatus.Cancelled, true)]
    [InlineData(IncidentStatus.Updated, IncidentStatus.Updated, true)]
    [InlineData(IncidentStatus.Released, IncidentStatus.Held, false)]
    [InlineData(IncidentStatus.Released, IncidentStatus.Retracted, false)]
    [InlineData(IncidentStatus.Retracted, IncidentStatus.Released, false)]
    [InlineData(IncidentStatus.Cancelled, IncidentStatus.Updated, false)]
    [InlineData(IncidentStatus.Held, IncidentStatus.Cancelled, false)]
    public void CanMove_FollowsTheLifecycle(IncidentStatus from, IncidentStatus to, bool allowed) =>
        Assert.Equal(allowed, IncidentLifecycle.CanMove(from, to));

    [Theory]
    [InlineData(null, IncidentStatus.Held, true)]
    [InlineData(null, IncidentStatus.Released, false)]
    [InlineData(IncidentStatus.Released, IncidentStatus.Released, true)]
    [InlineData(IncidentStatus.Cancelled, IncidentStatus.Cancelled, true)]
    [InlineData(IncidentStatus.Held, IncidentStatus.Released, true)]
    [InlineData(IncidentStatus.Released, IncidentStatus.Held, false)]
    [InlineData(IncidentStatus.Retracted, IncidentStatus.Released, false)]
    public void Permits_NewIncidentsStartHeld_StayingPutIsAChange_MovesFollowTheTable(IncidentStatus? from, IncidentStatus to, bool permitted) =>
        Assert.Equal(permitted, IncidentLifecycle.Permits(from, to));

    [Fact]
    public void IncidentId_LaterIds_SortFirst()
    {
        var t = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        var older = IncidentId.New(t);
        var newer = IncidentId.New(t.AddMilliseconds(1));

        Assert.True(string.CompareOrdinal(newer, older) < 0);
        Assert.True(IncidentId.IsWellFormed(newer));
        Assert.False(IncidentId.IsWellFormed("inc-../../etc"));
    }
}
