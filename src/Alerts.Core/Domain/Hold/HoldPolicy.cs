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

    /// <summary>The longer hold a contradiction earns.</summary>
    public TimeSpan ContestedExtension => options.CurrentValue.ContestedExtension;

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
