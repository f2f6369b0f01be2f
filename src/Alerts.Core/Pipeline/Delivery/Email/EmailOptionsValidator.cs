using Microsoft.Extensions.Options;
using MimeKit;

namespace Alerts.Core.Pipeline.Delivery.Email;

/// <summary>Rejects email settings that could never send, naming the setting.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        const string S = EmailOptions.SectionName;
        var failures = new List<string>();

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{S}:Port must be 1–65535 (was {options.Port}).");
        }

        if (!EmailOptions.SecurityModes.Contains(options.Security, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{S}:Security must be one of {string.Join(", ", EmailOptions.SecurityModes)} (was '{options.Security}').");
        }

        // MimeKit accepts a bare local part as a mailbox; a sender without a domain is rejected by every relay.
        if (string.IsNullOrWhiteSpace(options.From)
            || !MailboxAddress.TryParse(options.From, out var from)
            || string.IsNullOrEmpty(from.Domain))
        {
            failures.Add($"{S}:From must be a mailbox such as 'Alerts <alerts@example.org>' (was '{options.From}').");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            failures.Add($"{S}:Timeout must be greater than zero and at most {MaxTimeout} (was '{options.Timeout}').");
        }

        if (!string.IsNullOrEmpty(options.Username) && options.Password is null)
        {
            failures.Add($"{S}:Password must be set when {S}:Username is set.");
        }

        if (!options.UsesSmtp && string.IsNullOrWhiteSpace(options.OutboxPath))
        {
            failures.Add($"{S}:OutboxPath must be set when {S}:Host is empty (messages are written there).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
