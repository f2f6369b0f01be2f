using System.Text.Json.Nodes;
using Alerts.Core.Domain.Hold;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Validation;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Pipeline.Transitions;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline.Decisions;

/// <summary>
/// What a duty analyst can decide about an incident — confirm (release now), extend the hold, amend the facts,
/// retract — each checked, then applied through the one transition primitive (<see cref="DecisionRules"/> says what
/// each does), and recorded on the timeline with who, when, what and why. After release, an amendment issues an update
/// and a retraction a cancellation, to exactly those who were told.
/// </summary>
public sealed partial class AnalystDecisions(
    IncidentTransitions transitions,
    FactsPatch factsPatch,
    Correlator correlator,
    ILogger<AnalystDecisions> logger)
{
    /// <summary>The longest reason an analyst may give: it goes on the timeline and into notices.</summary>
    public const int MaxReasonLength = 1000;

    public async Task<DecisionResult> ConfirmAsync(string incidentId, string analyst, string? reason, CancellationToken cancellationToken) =>
        TooLong(reason) ?? await DecideAsync(incidentId, analyst, "confirmed", (incident, now) => DecisionRules.Confirm(incident, analyst, reason, now), cancellationToken);

    /// <summary>Hold longer: to <paramref name="until"/>, or by <paramref name="by"/> (one of them, at most <see cref="HoldPolicy.MaxExtension"/>).</summary>
    public async Task<DecisionResult> ExtendAsync(string incidentId, string analyst, DateTimeOffset? until, TimeSpan? by, string? reason, CancellationToken cancellationToken)
    {
        if (HoldPolicy.CheckExtension(until, by) is { } wrong)
        {
            return DecisionResult.Invalid(null, wrong.Field, wrong.Error);
        }

        return TooLong(reason) ?? await DecideAsync(incidentId, analyst, "extended", (incident, now) => DecisionRules.Extend(incident, analyst, until, by, reason, now), cancellationToken);
    }

    /// <summary>A held incident is never alerted; a released one is cancelled. A retraction needs a reason.</summary>
    public async Task<DecisionResult> RetractAsync(string incidentId, string analyst, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return DecisionResult.Invalid(null, "reason", "is required: say why the incident is retracted.");
        }

        var why = reason.Trim();
        return TooLong(why) ?? await DecideAsync(incidentId, analyst, "retracted", (incident, now) => DecisionRules.Retract(incident, analyst, why, now), cancellationToken);
    }

    /// <summary>Applies a JSON merge patch to the facts, if the incident still shows what the analyst read (its <see cref="Incident.ContentTag"/>).</summary>
    public async Task<DecisionResult> AmendAsync(string incidentId, string analyst, string expectedTag, JsonNode patch, string? reason, CancellationToken cancellationToken)
    {
        if (TooLong(reason) is { } tooLong)
        {
            return tooLong;
        }

        Incident? before = null;
        var result = await DecideAsync(
            incidentId,
            analyst,
            "amended",
            (incident, now) =>
            {
                before = incident;
                return DecisionRules.Amend(incident, analyst, expectedTag, facts => factsPatch.Apply(facts, patch), reason, now);
            },
            cancellationToken);
        if (result is { Status: DecisionStatus.Done, Incident: { } after } && before is not null)
        {
            await correlator.RefileAsync(before, after, cancellationToken);
        }

        return result;
    }

    private async Task<DecisionResult> DecideAsync(
        string incidentId,
        string analyst,
        string decision,
        Func<Incident?, DateTimeOffset, Decision<DecisionResult>> decide,
        CancellationToken cancellationToken)
    {
        var transition = await transitions.ApplyAsync(incidentId, decide, cancellationToken);
        switch (transition.Status)
        {
            case TransitionStatus.Written:
                LogDecision(incidentId, analyst, decision);
                return transition.Result! with { Incident = transition.Incident };
            case TransitionStatus.Answered:
                return transition.Result!;
            default:
                return DecisionResult.Busy;
        }
    }

    /// <summary>A reason too long, or with characters people should not be shown (<see cref="ReadableText"/>).</summary>
    private static DecisionResult? TooLong(string? reason) => reason switch
    {
        { Length: > MaxReasonLength } => DecisionResult.Invalid(null, "reason", $"must be at most {MaxReasonLength} characters."),
        not null when ReadableText.Problem(reason, multiline: true) is { } unreadable => DecisionResult.Invalid(null, "reason", unreadable),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId}: {Decision} by analyst {Analyst}")]
    private partial void LogDecision(string incidentId, string analyst, string decision);
}
