using System.Text.RegularExpressions;
using Alerts.Core.Domain.Incidents;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Security;

/// <summary>Every key long enough, unique, with a known role and a usable name.</summary>
public sealed partial class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public const int MinKeyLength = 12;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var entry = options.Keys[i];
            var where = $"{ApiKeyOptions.SectionName}:Keys:{i}";
            if (entry.Key.Length < MinKeyLength)
            {
                failures.Add($"{where}:Key must be at least {MinKeyLength} characters.");
            }
            else if (!seen.Add(entry.Key))
            {
                failures.Add($"{where}:Key repeats an earlier key.");
            }

            if (!Enum.TryParse<ApiRole>(entry.Role, ignoreCase: true, out _) || int.TryParse(entry.Role, out _))
            {
                failures.Add($"{where}:Role must be reporter, analyst, admin or feed (was '{entry.Role}').");
            }

            if (entry.Grading is not null && SourceGradingParser.TryParse(entry.Grading) is null)
            {
                failures.Add($"{where}:Grading must be an Admiralty grading: reliability A–F then credibility 1–6, such as B2 (was '{entry.Grading}').");
            }

            if (!NamePattern().IsMatch(entry.Name))
            {
                failures.Add($"{where}:Name must be 1–64 lower-case letters, digits, '.', '_' or '-' (was '{entry.Name}').");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
