using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Fanout;
using Alerts.Core.Tests.Domain.Incidents;

namespace Alerts.Core.Tests.Pipeline.Fanout;

/// <summary>When a notice's last page is done: the next public notice's turn, or idle.</summary>
public class FanoutCompleterTests
{
    [Theory]
    [InlineData(1, 1, false, 1, true, true, 1, false)] // nothing issued meanwhile: idle
    [InlineData(1, 3, false, 1, true, false, 3, true)] // an update was issued meanwhile: its turn
    [InlineData(2, 3, false, 1, false, false, 2, false)] // a repeated last page of an older notice: nothing
    [InlineData(1, 1, true, 1, false, true, 1, false)] // already idle: nothing
    public void Complete(int running, int lastPublic, bool done, int finished, bool written, bool doneAfter, int runningAfter, bool pendingAfter)
    {
        var incident = SampleIncidents.In(IncidentStatus.Updated) with { FanoutNotice = running, LastPublicNotice = lastPublic, FanoutDone = done, NoticeCount = lastPublic };

        var decision = FanoutCompleter.Complete(incident, finished);

        Assert.Equal(written, decision.Result);
        Assert.Equal(written, decision.Change is not null);
        var after = decision.Change?.Next ?? incident;
        Assert.Equal((doneAfter, runningAfter, pendingAfter), (after.FanoutDone, after.FanoutNotice, after.FanoutPending));
        Assert.Empty(decision.Change?.Timeline ?? []);
    }
}
