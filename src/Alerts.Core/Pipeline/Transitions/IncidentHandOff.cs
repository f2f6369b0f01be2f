using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline.Transitions;

/// <summary>
/// Hands a committed change's work on to the next stages: a release message for the (new) end of a hold, the first
/// page of each fan-out it issued (reviews for analysts, and the public notice whose turn it is). One failure rule for
/// all of them: the change stands, the failure is logged, and the sweep does it later, finding the incident by what the
/// change wrote (held past its hold end; fan-out or review pending). The outbox flags are cleared once queued.
/// </summary>
public sealed partial class IncidentHandOff(
    StageQueue<ReleaseMessage> releases,
    StageQueue<FanoutMessage> fanouts,
    IncidentStore incidents,
    ILogger<IncidentHandOff> logger)
{
    public async Task AfterCommitAsync(Incident? before, Incident committed, IReadOnlyList<IssuedNotice> issued, CancellationToken cancellationToken)
    {
        if (IncidentLifecycle.IsHolding(committed.Status) && committed.HoldUntil != before?.HoldUntil)
        {
            // An older release message finds a different hold end and does nothing.
            await TryAsync(() => releases.SendAsync(new ReleaseMessage(committed.Id, committed.HoldUntil), cancellationToken), committed.Id, "the release");
        }

        var reviews = issued.Where(n => n.Audience == NoticeAudience.Analysts).Select(n => n.Number).ToList();
        if (reviews.Count > 0)
        {
            await TryAsync(() => StartReviewsAsync(committed.Id, reviews, cancellationToken), committed.Id, "the analysts' review");
        }

        if (committed.FanoutPending)
        {
            await TryAsync(() => StartFanoutAsync(committed.Id, committed.FanoutNotice, cancellationToken), committed.Id, "the fan-out");
        }
    }

    /// <summary>Queues the fan-out of a public notice (one at a time per incident), then clears the incident's outbox flag for it.</summary>
    public async Task StartFanoutAsync(string incidentId, int notice, CancellationToken cancellationToken)
    {
        // Queue first, flag second: a crash in between queues a second first page, which fan-out shrugs off.
        await QueueFirstPageAsync(incidentId, notice, cancellationToken);
        await incidents.MarkFanoutQueuedAsync(incidentId, notice, cancellationToken);
    }

    /// <summary>Queues the fan-out of reviews (to analysts; no ordering against other notices), then clears their outbox flag.</summary>
    public async Task StartReviewsAsync(string incidentId, IReadOnlyList<int> reviews, CancellationToken cancellationToken)
    {
        foreach (var review in reviews)
        {
            await QueueFirstPageAsync(incidentId, review, cancellationToken);
        }

        await incidents.MarkReviewsQueuedAsync(incidentId, reviews.Max(), cancellationToken);
    }

    private Task QueueFirstPageAsync(string incidentId, int notice, CancellationToken cancellationToken) =>
        fanouts.SendAsync(new FanoutMessage(incidentId, notice, null), cancellationToken);

    private async Task TryAsync(Func<Task> handOff, string incidentId, string what)
    {
        try
        {
            await handOff();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogHandOffFailed(e, what, incidentId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue {What} of incident {IncidentId}; the change is stored and the sweep will queue it")]
    private partial void LogHandOffFailed(Exception exception, string what, string incidentId);
}
