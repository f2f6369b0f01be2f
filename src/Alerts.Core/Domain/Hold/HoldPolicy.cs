using Alerts.Core.Domain.Incidents;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Domain.Hold;

/// <summary>
/// Decides the verification window: base hold for the severity, plus the adjustments for the source's Admiralty
/// grading and the certainty, minus a step per independent corroboration, kept within [Minimum, Maximum].
/// A report without grading counts as F6 (cannot be judged).
/// </summary>
public sealed class HoldPolicy(IOptionsMonitor<HoldOptions> options)
{
    public static readonly SourceGrading Ungraded = new('F', 6);

    public HoldDecision Decide(IncidentFacts facts, int corroborations = 0)
    {
        var o = options.CurrentValue;
        if (o.Override is { } fixedHold)
        {
            return new HoldDecision(fixedHold, $"held {Describe(fixedHold)}: fixed by Hold:Override");
        }

        var grading = facts.Source ?? Ungraded;
        var hold = BaseHold(o, facts.Severity)
            + o.ByReliability.GetValueOrDefault(grading.Reliability.ToString())
            + o.ByCredibility.GetValueOrDefault(grading.Credibility.ToString())
            + o.ByCertainty.GetValueOrDefault(facts.Certainty.ToString())
            - (o.PerCorroboration * corroborations);
        var bound = hold < o.Minimum ? " (minimum)" : hold > o.Maximum ? " (maximum)" : string.Empty;
        hold = hold < o.Minimum ? o.Minimum : hold > o.Maximum ? o.Maximum : hold;

        var reason = $"held {Describe(hold)}{bound}: severity {Lower(facts.Severity)}, source {grading}{(facts.Source is null ? " (ungraded)" : string.Empty)}, certainty {Lower(facts.Certainty)}";
        if (corroborations > 0)
        {
            reason += corroborations == 1 ? ", 1 independent corroboration" : $", {corroborations} independent corroborations";
        }

        return new HoldDecision(hold, reason);
    }

    /// <summary>
    /// After one more independent corroboration (already counted in <see cref="Incident.Corroborations"/>): credibility
    /// rises to 2, or to 1 from the second on, and the hold may come forward — never before the minimum after receipt,
    /// never into the past, never later than it was.
    /// </summary>
    public Incident Corroborated(Incident incident, DateTimeOffset now)
    {
        var grading = incident.Facts.Source ?? Ungraded;
        var credibility = incident.Corroborations >= 2 ? 1 : Math.Min(grading.Credibility, 2);
        var facts = incident.Facts with { Source = grading with { Credibility = credibility } };
        var decision = Decide(facts, incident.Corroborations);
        var earliest = incident.ReceivedAt + Minimum;
        var candidate = incident.ReceivedAt + decision.Duration;
        var until = candidate < incident.HoldUntil ? candidate : incident.HoldUntil;
        until = until < earliest ? earliest : until < now ? now : until;
        return incident with { Facts = facts, HoldUntil = until, HoldReason = until == incident.HoldUntil ? incident.HoldReason : decision.Reason };
    }

    /// <summary>A report contradicts the incident's key facts: the hold runs <see cref="HoldOptions.ContestedExtension"/> longer than it would have.</summary>
    public Incident Contested(Incident incident, string conflicts, DateTimeOffset now)
    {
        var until = Later(incident.HoldUntil, now) + options.CurrentValue.ContestedExtension;
        return incident with { HoldUntil = until, HoldReason = $"contested ({conflicts}): held {Describe(until - incident.ReceivedAt)} in all" };
    }

    /// <summary>
    /// What is wrong with an analyst's request to extend a hold, before any incident is read: either a new end
    /// (<paramref name="until"/>) or a duration (<paramref name="by"/>) of at most <see cref="MaxExtension"/>.
    /// </summary>
    public static (string Field, string Error)? CheckExtension(DateTimeOffset? until, TimeSpan? by)
    {
        if ((until is null) == (by is null))
        {
            return ("until", "give either until (a date-time) or by (a duration such as \"00:10:00\"), not both.");
        }

        return by is { } b && (b <= TimeSpan.Zero || b > MaxExtension)
            ? ("by", $"must be a positive duration of at most {MaxExtension.TotalDays:0} days.")
            : null;
    }

    /// <summary>
    /// The hold end an extension asks for — <paramref name="until"/>, or <paramref name="by"/> past the current end (or
    /// now, if that has passed) — or why it cannot be: it must move the end later, and one rule holds for both forms: at
    /// most <see cref="MaxExtension"/> past the current end.
    /// </summary>
    public static (DateTimeOffset? End, string? Error) Extended(Incident incident, DateTimeOffset? until, TimeSpan? by, DateTimeOffset now)
    {
        var from = Later(incident.HoldUntil, now);
        var end = until ?? (from + by!.Value);
        if (end <= incident.HoldUntil || end <= now)
        {
            return (null, $"must move the hold end later than it is now ({incident.HoldUntil:O}).");
        }

        return end > from + MaxExtension
            ? (null, $"must be at most {MaxExtension.TotalDays:0} days past the current hold end ({from:O}).")
            : (end, null);
    }

    /// <summary>The longest an analyst may extend a hold by in one step.</summary>
    public static TimeSpan MaxExtension => HoldOptions.Ceiling;

    /// <summary>No incident is released sooner than this after it was received, whatever corroborates it.</summary>
    public TimeSpan Minimum => options.CurrentValue.Override ?? options.CurrentValue.Minimum;

    /// <summary>"90 s", "10 min", "1 h 30 min": short enough for a board column.</summary>
    public static string Describe(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(2))
        {
            return $"{Math.Round(span.TotalSeconds)} s";
        }

        if (span < TimeSpan.FromHours(2))
        {
            return $"{Math.Round(span.TotalMinutes)} min";
        }

        var minutes = span.Minutes;
        return minutes == 0 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {minutes} min";
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan BaseHold(HoldOptions o, Severity severity) => severity switch
    {
        Severity.Extreme => o.BySeverity.Extreme,
        Severity.Severe => o.BySeverity.Severe,
        Severity.Moderate => o.BySeverity.Moderate,
        Severity.Minor => o.BySeverity.Minor,
        _ => o.BySeverity.Unknown,
    };

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
