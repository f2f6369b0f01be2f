using Alerts.Core.Domain.Areas;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Validation;
using MimeKit;

namespace Alerts.Core.Domain.Subscribers;

/// <summary>Checks every field of a subscriber request and names each one that is wrong.</summary>
public static class SubscriberRequestValidator
{
    public const int MaxNameLength = 200;
    public const int MaxUrlLength = 2048;

    public static (SubscriberDraft? Draft, Dictionary<string, string[]> Errors) Validate(SubscriberRequest request)
    {
        var errors = new FieldErrors();

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "is required.");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add("name", $"must be at most {MaxNameLength} characters.");
        }
        else if (ReadableText.Problem(name) is { } unreadable)
        {
            errors.Add("name", unreadable);
        }

        SubscriberChannel? channel = request.Channel switch
        {
            "webhook" => SubscriberChannel.Webhook,
            "email" => SubscriberChannel.Email,
            _ => null,
        };
        if (channel is null)
        {
            errors.Add("channel", "must be webhook or email.");
        }

        string? target = null;
        if (channel == SubscriberChannel.Webhook)
        {
            if (request.Email is not null)
            {
                errors.Add("email", "is only for email subscribers.");
            }

            if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || request.Url!.Length > MaxUrlLength || !string.IsNullOrEmpty(url.UserInfo))
            {
                errors.Add("url", "must be an absolute http(s) URL without credentials, at most 2048 characters.");
            }
            else
            {
                target = url.AbsoluteUri;
            }
        }
        else if (channel == SubscriberChannel.Email)
        {
            if (request.Url is not null)
            {
                errors.Add("url", "is only for webhook subscribers.");
            }

            if (!MailboxAddress.TryParse(request.Email, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal) || mailbox.Address.EndsWith('@'))
            {
                errors.Add("email", "must be an email address such as duty@example.org.");
            }
            else
            {
                target = mailbox.Address;
            }
        }

        var countries = new List<string>();
        foreach (var (country, i) in (request.Filters?.Countries ?? []).Select((c, i) => (c?.Trim().ToUpperInvariant() ?? string.Empty, i)))
        {
            if (country.Length != 2 || !CountryCodes.IsAssigned(country))
            {
                errors.Add($"filters.countries[{i}]", "must be an assigned ISO 3166-1 alpha-2 code, such as PL.");
            }
            else if (!countries.Contains(country))
            {
                countries.Add(country);
            }
        }

        var minimum = Severity.Unknown;
        if (request.Filters?.MinimumSeverity is { } severityText &&
            (!severityText.All(char.IsAsciiLetterLower) || !Enum.TryParse(severityText, ignoreCase: true, out minimum)))
        {
            errors.Add("filters.minimumSeverity", "must be one of extreme|severe|moderate|minor|unknown.");
        }

        var categories = new List<string>();
        foreach (var (category, i) in (request.Filters?.Categories ?? []).Select((c, i) => (c ?? string.Empty, i)))
        {
            if (!IncidentCategories.IsKnown(category))
            {
                errors.Add($"filters.categories[{i}]", $"must be one of: {string.Join(", ", IncidentCategories.All)}.");
            }
            else if (!categories.Contains(category))
            {
                categories.Add(category);
            }
        }

        SubscriberRole role = SubscriberRole.Subscriber;
        if (request.Role is { } roleText && !(roleText is "subscriber" or "analyst" && Enum.TryParse(roleText, ignoreCase: true, out role)))
        {
            errors.Add("role", "must be subscriber or analyst.");
        }

        var area = AreaValidator.Validate(request.Filters?.Area, "filters.area", errors);

        var format = SubscriberFormat.Json;
        if (request.Format is { } formatText)
        {
            if (!(formatText is "json" or "cap" && Enum.TryParse(formatText, ignoreCase: true, out format)))
            {
                errors.Add("format", "must be json or cap.");
            }
            else if (format == SubscriberFormat.Cap && channel == SubscriberChannel.Email)
            {
                errors.Add("format", "is for webhooks: every email already carries the CAP 1.2 alert as an attachment.");
            }
            else if (format == SubscriberFormat.Cap && role == SubscriberRole.Analyst)
            {
                errors.Add("format", "cap is for subscribers: an analyst's reviews of held incidents are not CAP alerts.");
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors.ToDictionary());
        }

        return (new SubscriberDraft(name!, channel!.Value, target!, new SubscriberFilter(countries, minimum, categories, area), request.Enabled ?? true, role, request.Exercises ?? false, format), []);
    }
}
