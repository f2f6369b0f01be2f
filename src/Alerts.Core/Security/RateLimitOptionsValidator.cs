using Microsoft.Extensions.Options;

namespace Alerts.Core.Security;

/// <summary>Every limit a whole number of requests from 1 to 1,000,000, naming the setting.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    private const int Most = 1_000_000;

    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        foreach (var (role, limit) in options.All)
        {
            foreach (var (setting, value) in new[] { (nameof(limit.Burst), limit.Burst), (nameof(limit.PerSecond), limit.PerSecond) })
            {
                if (value is < 1 or > Most)
                {
                    failures.Add($"{RateLimitOptions.SectionName}:{role}:{setting} must be a whole number from 1 to {Most:N0} (was {value}).");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
