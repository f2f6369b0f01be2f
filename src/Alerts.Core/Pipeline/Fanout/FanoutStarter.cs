using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Queues;
using Alerts.Core.Storage;

namespace Alerts.Core.Pipeline.Fanout;

/// <summary>Queues the first page of a notice's fan-out, then clears the incident's outbox flag for it.</summary>
public sealed class FanoutStarter(StageQueue<FanoutMessage> fanouts, IncidentStore incidents)
{
    /// <summary>Starts the fan-out of a public notice (one at a time per incident, see <see cref="FanoutCompleter"/>).</summary>
    public async Task StartAsync(string incidentId, int notice, CancellationToken cancellationToken)
    {
        // Queue first, flag second: a crash in between queues a second first page, which fan-out shrugs off.
        await QueueFirstPageAsync(incidentId, notice, cancellationToken);
        await incidents.MarkFanoutQueuedAsync(incidentId, notice, cancellationToken);
    }

    /// <summary>After a change that issued notices is committed: start what it made pending.</summary>
    public async Task StartIssuedAsync(Incident committed, IReadOnlyList<IssuedNotice> issued, CancellationToken cancellationToken)
    {
        var reviews = issued.Where(n => n.Audience == NoticeAudience.Analysts).Select(n => n.Number).ToList();
        if (reviews.Count > 0)
        {
            await StartReviewsAsync(committed.Id, reviews, cancellationToken);
        }

        if (committed.FanoutPending)
        {
            await StartAsync(committed.Id, committed.FanoutNotice, cancellationToken);
        }
    }

    /// <summary>Starts the fan-out of reviews (to analysts; no ordering against other notices), then clears their outbox flag.</summary>
    public async Task StartReviewsAsync(string incidentId, IReadOnlyList<int> reviews, CancellationToken cancellationToken)
    {
        foreach (var review in reviews)
        {
            await QueueFirstPageAsync(incidentId, review, cancellationToken);
        }

        await incidents.MarkReviewsQueuedAsync(incidentId, reviews.Max(), cancellationToken);
    }

    /// <summary>Queues the first page of a notice's fan-out.</summary>
    public Task QueueFirstPageAsync(string incidentId, int notice, CancellationToken cancellationToken) =>
        fanouts.SendAsync(new FanoutMessage(incidentId, notice, null), cancellationToken);
}
