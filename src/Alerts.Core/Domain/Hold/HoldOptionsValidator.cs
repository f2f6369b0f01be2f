using Microsoft.Extensions.Options;

namespace Alerts.Core.Domain.Hold;

/// <summary>Rejects hold settings that are missing, out of range or inconsistent, naming the setting.</summary>
public sealed class HoldOptionsValidator : IValidateOptions<HoldOptions>
{
    public ValidateOptionsResult Validate(string? name, HoldOptions options)
    {
        var failures = new List<string>();
        void Positive(string key, TimeSpan value)
        {
            if (value <= TimeSpan.Zero || value > HoldOptions.Ceiling)
            {
                failures.Add($"{HoldOptions.SectionName}:{key} must be a TimeSpan greater than zero and at most {HoldOptions.Ceiling.TotalDays} days (was '{value}').");
            }
        }

        void Adjustments(string key, Dictionary<string, TimeSpan> values, IEnumerable<string> expected)
        {
            foreach (var grade in expected)
            {
                if (!values.TryGetValue(grade, out var value))
                {
                    failures.Add($"{HoldOptions.SectionName}:{key}:{grade} is missing.");
                }
                else if (value.Duration() > HoldOptions.Ceiling)
                {
                    failures.Add($"{HoldOptions.SectionName}:{key}:{grade} must be within ±{HoldOptions.Ceiling.TotalDays} days (was '{value}').");
                }
            }

            foreach (var unknown in values.Keys.Except(expected, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{HoldOptions.SectionName}:{key}:{unknown} is not a known grade ({string.Join(", ", expected)}).");
            }
        }

        var s = options.BySeverity;
        Positive("BySeverity:Extreme", s.Extreme);
        Positive("BySeverity:Severe", s.Severe);
        Positive("BySeverity:Moderate", s.Moderate);
        Positive("BySeverity:Minor", s.Minor);
        Positive("BySeverity:Unknown", s.Unknown);
        Adjustments("ByReliability", options.ByReliability, ["A", "B", "C", "D", "E", "F"]);
        Adjustments("ByCredibility", options.ByCredibility, ["1", "2", "3", "4", "5", "6"]);
        Adjustments("ByCertainty", options.ByCertainty, Enum.GetNames<Incidents.Certainty>());
        Positive("Minimum", options.Minimum);
        Positive("Maximum", options.Maximum);
        if (options.Minimum > options.Maximum)
        {
            failures.Add($"{HoldOptions.SectionName}:Minimum ({options.Minimum}) must not exceed {HoldOptions.SectionName}:Maximum ({options.Maximum}).");
        }

        if (options.PerCorroboration < TimeSpan.Zero || options.PerCorroboration > HoldOptions.Ceiling)
        {
            failures.Add($"{HoldOptions.SectionName}:PerCorroboration must be zero or a positive TimeSpan (was '{options.PerCorroboration}').");
        }

        Positive("ContestedExtension", options.ContestedExtension);
        if (options.Override is { } o)
        {
            Positive("Override", o);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
