using Microsoft.Extensions.Options;

namespace Alerts.Core.Hold;

/// <summary>Rejects hold settings that are zero, negative or absurdly long, naming the setting.</summary>
public sealed class HoldOptionsValidator : IValidateOptions<HoldOptions>
{
    public ValidateOptionsResult Validate(string? name, HoldOptions options)
    {
        var failures = new List<string>();
        void Check(string key, TimeSpan value)
        {
            if (value <= TimeSpan.Zero || value > HoldOptions.Ceiling)
            {
                failures.Add($"{HoldOptions.SectionName}:{key} must be a TimeSpan greater than zero and at most {HoldOptions.Ceiling.TotalDays} days (was '{value}').");
            }
        }

        var s = options.BySeverity;
        Check("BySeverity:Extreme", s.Extreme);
        Check("BySeverity:Severe", s.Severe);
        Check("BySeverity:Moderate", s.Moderate);
        Check("BySeverity:Minor", s.Minor);
        Check("BySeverity:Unknown", s.Unknown);
        if (options.Override is { } o)
        {
            Check("Override", o);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
