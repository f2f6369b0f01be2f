using Alerts.Core.Domain.Incidents;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Domain.Verification;

/// <summary>Does this incident need an analyst's confirmation before anyone is told?</summary>
public sealed class ConfirmationPolicy(IOptionsMonitor<VerificationOptions> options)
{
    public bool Required(IncidentFacts facts) =>
        options.CurrentValue.ConfirmationRequired.Any(rule =>
            string.Equals(rule.Category, facts.Category, StringComparison.Ordinal) &&
            (!rule.AttributedOnly || facts.Attribution is { Actor.Length: > 0 }));
}
