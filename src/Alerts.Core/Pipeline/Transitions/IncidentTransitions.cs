using Alerts.Core.Domain.Incidents;
using Alerts.Core.Storage;
using Polly;
using Polly.Retry;

namespace Alerts.Core.Pipeline.Transitions;

/// <summary>
/// The one way an incident changes: read it, decide (a pure function of the incident and the request), check the move
/// against <see cref="IncidentLifecycle"/>, write the change guarded by the row's ETag, retry a lost race a bounded
/// number of times with jittered back-off, and after the commit hand its work on (<see cref="IncidentHandOff"/>).
/// </summary>
public sealed class IncidentTransitions(IncidentStore store, IncidentHandOff handOff, TimeProvider time)
{
    /// <summary>Attempts before giving up on a race: enough for a burst of reports of one event.</summary>
    public const int MaxAttempts = 10;

    private static readonly ResiliencePipeline ConflictRetry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is IRace { Lost: true }),
            MaxRetryAttempts = MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(500),
        })
        .Build();

    /// <param name="incidentId">The incident to change (it may not exist yet: the decision then sees null).</param>
    /// <param name="decide">Pure: the incident as read (or null) and the time, to a change or an answer.</param>
    /// <param name="firstRead">What the caller has just read of the incident, to spare the first read; null to read it.</param>
    public async Task<Transition<TResult>> ApplyAsync<TResult>(
        string incidentId,
        Func<Incident?, DateTimeOffset, Decision<TResult>> decide,
        CancellationToken cancellationToken,
        IncidentRead? firstRead = null)
    {
        var read = firstRead;
        Attempt<TResult>? unanswered = null;
        var attempt = await ConflictRetry.ExecuteAsync(
            async ct =>
            {
                var current = read is { } known ? known.Incident : await store.FindAsync(incidentId, ct);
                read = null;
                if (unanswered is { Change: { } sent } && current?.LastChange == sent.Next.LastChange)
                {
                    // The last write was made; only its answer was lost (a retried write then found the row changed).
                    return unanswered with { Transition = unanswered.Transition with { Status = TransitionStatus.Written, Incident = current } };
                }

                var decision = decide(current, time.GetUtcNow());
                if (decision.Change is not { } decided)
                {
                    return new Attempt<TResult>(new(TransitionStatus.Answered, decision.Result, current));
                }

                if (!IncidentLifecycle.Permits(current?.Status, decided.Next.Status))
                {
                    throw new InvalidOperationException($"Incident {incidentId} cannot move from {current?.Status.ToString() ?? "nothing"} to {decided.Next.Status}.");
                }

                // Every write carries a token of its own, so that a write whose answer was lost can be recognised.
                var change = decided with { Next = decided.Next with { LastChange = Guid.NewGuid().ToString("N") } };
                var write = await store.WriteAsync(current, change, ct);
                unanswered = new Attempt<TResult>(new(TransitionStatus.Busy, decision.Result, current), current, change);
                switch (write.Outcome)
                {
                    case IncidentWrite.Written:
                        return new Attempt<TResult>(new(TransitionStatus.Written, decision.Result, change.Next with { ETag = write.ETag ?? string.Empty }), current, change);
                    case IncidentWrite.ReportExists when await store.FindAsync(incidentId, ct) is { } now && now.LastChange == change.Next.LastChange:
                        return new Attempt<TResult>(new(TransitionStatus.Written, decision.Result, now), current, change);
                    case IncidentWrite.ReportExists:
                        return new Attempt<TResult>(new(TransitionStatus.ReportExists, decision.Result, current));
                    default:
                        return unanswered;
                }
            },
            cancellationToken);

        if (attempt.Transition is { Status: TransitionStatus.Written, Incident: { } committed })
        {
            await handOff.AfterCommitAsync(attempt.Before, committed, attempt.Change!.Notices, cancellationToken);
        }

        return attempt.Transition;
    }

    private interface IRace
    {
        bool Lost { get; }
    }

    /// <summary>One read-decide-write; lost when someone else changed the incident first.</summary>
    private sealed record Attempt<TResult>(Transition<TResult> Transition, Incident? Before = null, IncidentChange? Change = null) : IRace
    {
        public bool Lost => Transition.Status == TransitionStatus.Busy;
    }
}
