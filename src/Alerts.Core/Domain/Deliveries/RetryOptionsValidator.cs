using Microsoft.Extensions.Options;

namespace Alerts.Core.Domain.Deliveries;

/// <summary>Rejects retry delays that are zero, negative or too long for a queue delay, and jitter outside 0–1, naming the setting.</summary>
public sealed class RetryOptionsValidator : IValidateOptions<RetryOptions>
{
    public ValidateOptionsResult Validate(string? name, RetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.Schedule.Count; i++)
        {
            var delay = options.Schedule[i];
            if (delay <= TimeSpan.Zero || delay > RetryOptions.Ceiling)
            {
                failures.Add($"{RetryOptions.SectionName}:{nameof(RetryOptions.Schedule)}:{i} must be a TimeSpan greater than zero and at most {RetryOptions.Ceiling.TotalDays} days (was '{delay}').");
            }
        }

        // Written so that NaN fails too.
        if (!(options.Jitter >= 0 && options.Jitter <= 1))
        {
            failures.Add($"{RetryOptions.SectionName}:{nameof(RetryOptions.Jitter)} must be a number from 0 to 1 (was '{options.Jitter}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
