using System.Text.Json;
using System.Text.Json.Nodes;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Validation;
using Alerts.Core.Domain.Verification;
using Alerts.Core.Pipeline.Fanout;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Pipeline.Messages;
using Alerts.Core.Pipeline.Release;
using Alerts.Core.Queues;
using Alerts.Core.Storage;
using Azure;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline.Decisions;

/// <summary>
/// What a duty analyst can decide about an incident — confirm (release now), extend the hold, amend the facts,
/// retract — each recorded on the timeline with who, when, what and why. After release, an amendment issues an
/// update and a retraction a cancellation, to exactly those who were told.
/// </summary>
public sealed partial class AnalystDecisions(
    IncidentStore store,
    IncidentReleaser releaser,
    StageQueue<ReleaseMessage> releases,
    FanoutStarter fanout,
    Correlator correlator,
    ReportValidator validator,
    TimeProvider time,
    ILogger<AnalystDecisions> logger)
{
    private const int MaxAttempts = 5;

    public async Task<DecisionResult> ConfirmAsync(string incidentId, string analyst, string? reason, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var incident = await store.FindAsync(incidentId, cancellationToken);
            if (incident is null)
            {
                return DecisionResult.NotFound;
            }

            if (!IncidentLifecycle.IsPending(incident.Status))
            {
                return DecisionResult.NotAllowed(incident, $"The incident is {Describe(incident.Status)}; only a held, contested or awaiting incident can be confirmed.");
            }

            var why = $"confirmed by analyst {analyst}" + (string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {reason}");
            if (await releaser.TryReleaseAsync(incident, Actor.Analyst(analyst), why, time.GetUtcNow(), cancellationToken) is not null)
            {
                LogDecision(incidentId, analyst, "confirmed");
                return new DecisionResult(DecisionStatus.Done, await store.FindAsync(incidentId, cancellationToken));
            }
        }

        return new DecisionResult(DecisionStatus.Stale, null, "The incident kept changing; try again.");
    }

    public async Task<DecisionResult> ExtendAsync(string incidentId, string analyst, DateTimeOffset? until, TimeSpan? by, string? reason, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var incident = await store.FindAsync(incidentId, cancellationToken);
            if (incident is null)
            {
                return DecisionResult.NotFound;
            }

            if (!IncidentLifecycle.IsHolding(incident.Status))
            {
                return DecisionResult.NotAllowed(incident, $"The incident is {Describe(incident.Status)}; only a held or contested incident's hold can be extended.");
            }

            var now = time.GetUtcNow();
            var newHold = until ?? ((incident.HoldUntil > now ? incident.HoldUntil : now) + by!.Value);
            if (newHold <= incident.HoldUntil || newHold <= now)
            {
                return new DecisionResult(DecisionStatus.Invalid, incident, null, new Dictionary<string, string[]>
                {
                    [until is null ? "by" : "until"] = [$"must move the hold end later than it is now ({incident.HoldUntil:O})."],
                });
            }

            var why = $"hold extended by analyst {analyst} to {newHold:u}" + (string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {reason}");
            var next = incident with { HoldUntil = newHold, HoldReason = why, TimelineCount = incident.TimelineCount + 1 };
            var entry = incident.NextEntry(now, Actor.Analyst(analyst), TimelineActions.Extended, why);
            if (await store.TryUpdateAsync(incident, next, [entry], cancellationToken))
            {
                // The old release message will arrive, see a different hold end, and do nothing.
                await releases.SendAsync(new ReleaseMessage(incidentId, newHold), cancellationToken);
                LogDecision(incidentId, analyst, "extended");
                return new DecisionResult(DecisionStatus.Done, await store.FindAsync(incidentId, cancellationToken));
            }
        }

        return new DecisionResult(DecisionStatus.Stale, null, "The incident kept changing; try again.");
    }

    public async Task<DecisionResult> RetractAsync(string incidentId, string analyst, string reason, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var incident = await store.FindAsync(incidentId, cancellationToken);
            if (incident is null)
            {
                return DecisionResult.NotFound;
            }

            var now = time.GetUtcNow();
            var actor = Actor.Analyst(analyst);
            var why = $"retracted by analyst {analyst}: {reason}";
            Incident next;
            var notices = new List<IssuedNotice>();
            TimelineEntry entry;
            if (IncidentLifecycle.IsPending(incident.Status))
            {
                next = incident with { Status = IncidentStatus.Retracted, TimelineCount = incident.TimelineCount + 1 };
                entry = incident.NextEntry(now, actor, TimelineActions.Retracted, $"{why}; no subscriber was told");
            }
            else if (IncidentLifecycle.IsIssued(incident.Status))
            {
                var cancelled = incident with { Status = IncidentStatus.Cancelled, TimelineCount = incident.TimelineCount + 1 };
                var (withNotice, notice) = NoticeIssuer.Public(cancelled, NoticeTypes.Cancel, now, references: incident.Version, why);
                next = withNotice;
                notices.Add(notice);
                entry = incident.NextEntry(now, actor, TimelineActions.Cancelled, $"{why}; cancellation (notice {notice.Number}) goes to everyone who was told");
            }
            else
            {
                return DecisionResult.NotAllowed(incident, $"The incident is already {Describe(incident.Status)}.");
            }

            if (await store.TryUpdateAsync(incident, next, [entry], cancellationToken, notices))
            {
                await fanout.StartIssuedAsync(next, notices, cancellationToken);
                LogDecision(incidentId, analyst, next.Status.ToString());
                return new DecisionResult(DecisionStatus.Done, await store.FindAsync(incidentId, cancellationToken));
            }
        }

        return new DecisionResult(DecisionStatus.Stale, null, "The incident kept changing; try again.");
    }

    /// <summary>Applies a JSON merge patch to the facts, if the incident still shows what the analyst read (its <see cref="Incident.ContentTag"/>).</summary>
    public async Task<DecisionResult> AmendAsync(string incidentId, string analyst, string expectedTag, JsonNode patch, string? reason, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var incident = await store.FindAsync(incidentId, cancellationToken);
            if (incident is null)
            {
                return DecisionResult.NotFound;
            }

            if (incident.ContentTag != expectedTag)
            {
                return new DecisionResult(DecisionStatus.Stale, incident, "The incident changed since you read it; read it again (new ETag) and reapply your change.");
            }

            if (await TryAmendAsync(incident, analyst, patch, reason, cancellationToken) is { } result)
            {
                return result;
            }

            // Only the service's own bookkeeping changed the row meanwhile: try again on a fresh read.
        }

        return new DecisionResult(DecisionStatus.Stale, null, "The incident kept changing; try again.");
    }

    private async Task<DecisionResult?> TryAmendAsync(Incident incident, string analyst, JsonNode patch, string? reason, CancellationToken cancellationToken)
    {
        var incidentId = incident.Id;

        if (incident.Status is IncidentStatus.Retracted or IncidentStatus.Cancelled)
        {
            return DecisionResult.NotAllowed(incident, $"The incident is {Describe(incident.Status)}; it can no longer be amended.");
        }

        var (facts, errors) = Patch(incident.Facts, patch);
        if (facts is null)
        {
            return new DecisionResult(DecisionStatus.Invalid, incident, null, errors);
        }

        var changed = ChangedFields(incident.Facts, facts);
        if (changed.Count == 0)
        {
            return new DecisionResult(DecisionStatus.Done, incident);
        }

        var now = time.GetUtcNow();
        var what = $"amended by analyst {analyst}: {string.Join(", ", changed)}" + (string.IsNullOrWhiteSpace(reason) ? string.Empty : $" ({reason})");
        var next = incident with { Facts = facts, TimelineCount = incident.TimelineCount + 1 };
        var notices = new List<IssuedNotice>();
        if (IncidentLifecycle.IsIssued(incident.Status))
        {
            var updated = next with { Status = IncidentStatus.Updated, Version = incident.Version + 1 };
            var (withNotice, notice) = NoticeIssuer.Public(updated, NoticeTypes.Update, now, references: incident.Version, what);
            next = withNotice;
            notices.Add(notice);
            what += $"; update to version {updated.Version} goes to everyone who was told";
        }

        var entry = incident.NextEntry(now, Actor.Analyst(analyst), TimelineActions.Amended, what);
        if (!await store.TryUpdateAsync(incident, next, [entry], cancellationToken, notices))
        {
            return null;
        }

        await fanout.StartIssuedAsync(next, notices, cancellationToken);
        await RefileAsync(incident, next, cancellationToken);
        LogDecision(incidentId, analyst, "amended");
        return new DecisionResult(DecisionStatus.Done, await store.FindAsync(incidentId, cancellationToken));
    }

    /// <summary>The amendment is stored; if reports cannot find the incident at its new place, that is worth a log line, not a failed request.</summary>
    private async Task RefileAsync(Incident before, Incident after, CancellationToken cancellationToken)
    {
        try
        {
            await correlator.RefileAsync(before, after, cancellationToken);
        }
        catch (RequestFailedException e)
        {
            LogRefileFailed(e, after.Id);
        }
    }

    private (IncidentFacts? Facts, Dictionary<string, string[]> Errors) Patch(IncidentFacts current, JsonNode patch)
    {
        if (patch is not JsonObject)
        {
            return (null, new Dictionary<string, string[]> { ["$"] = ["must be a JSON object (a merge patch of the incident's facts)."] });
        }

        var merged = MergePatch.Apply(JsonSerializer.SerializeToNode(current, AlertsJson.Options), patch)!.AsObject();
        merged["reportId"] = "amendment";
        IncidentReport? report;
        try
        {
            report = merged.Deserialize<IncidentReport>(AlertsJson.Options);
        }
        catch (JsonException e)
        {
            var (field, message) = JsonFieldError.From(e);
            return (null, new Dictionary<string, string[]> { [field] = [message] });
        }

        var result = validator.Validate(report!, checkEventTime: false);
        return result.IsValid
            ? (result.Report!.Facts, [])
            : (null, result.Errors.ToDictionary(e => e.Key, e => e.Value));
    }

    private static List<string> ChangedFields(IncidentFacts before, IncidentFacts after)
    {
        var a = JsonSerializer.SerializeToNode(before, AlertsJson.Options)!.AsObject();
        var b = JsonSerializer.SerializeToNode(after, AlertsJson.Options)!.AsObject();
        return a.Select(p => p.Key).Union(b.Select(p => p.Key))
            .Where(k => !JsonNode.DeepEquals(a[k], b[k]))
            .ToList();
    }

    private static string Describe(IncidentStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentId} was amended, but could not be filed at its new place: reports there will not find it")]
    private partial void LogRefileFailed(Exception exception, string incidentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId}: {Decision} by analyst {Analyst}")]
    private partial void LogDecision(string incidentId, string analyst, string decision);
}
