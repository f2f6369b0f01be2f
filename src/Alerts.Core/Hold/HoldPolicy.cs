using Alerts.Core.Incidents;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Hold;

/// <summary>Decides the verification window for an incident from its facts.</summary>
public sealed class HoldPolicy(IOptionsMonitor<HoldOptions> options)
{
    public HoldDecision Decide(IncidentFacts facts)
    {
        var current = options.CurrentValue;
        if (current.Override is { } fixedHold)
        {
            return new HoldDecision(fixedHold, $"held {Describe(fixedHold)}: fixed by Hold:Override");
        }

        var bySeverity = current.BySeverity;
        var hold = facts.Severity switch
        {
            Severity.Extreme => bySeverity.Extreme,
            Severity.Severe => bySeverity.Severe,
            Severity.Moderate => bySeverity.Moderate,
            Severity.Minor => bySeverity.Minor,
            _ => bySeverity.Unknown,
        };
        return new HoldDecision(hold, $"held {Describe(hold)}: severity {facts.Severity.ToString().ToLowerInvariant()}");
    }

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
}
