using System.Text.Json;
using System.Text.RegularExpressions;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Areas;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Validation;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>Checks every field of an incoming report and names each one that is wrong.</summary>
public sealed partial class ReportValidator(IOptions<IntakeOptions> options, TimeProvider time)
{
    public const int MaxReportIdLength = 128;
    public const int MaxPlaceLength = 200;
    public const int MaxSummaryLength = 2000;
    public const int MaxActorLength = 200;
    public const int MaxDetailsLength = 8000;
    public const int MaxCasualties = 1_000_000;
    public const int MaxTranslations = 5;
    public const int MaxTranslatedCharacters = 8000;

    /// <summary>
    /// The facts are stored as one table string property (64 KiB: 32 K UTF-16 characters); the field caps keep them
    /// below this, and this check makes sure, with room for the row's other columns.
    /// </summary>
    public const int MaxFactsCharacters = 30_000;

    [GeneratedRegex("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]*$")]
    private static partial Regex ReportIdPattern();

    /// <param name="report">The report as received.</param>
    /// <param name="checkEventTime">False for amendments of an existing incident, whose event may be older than new reports may be.</param>
    public ReportValidationResult Validate(IncidentReport report, bool checkEventTime = true)
    {
        var errors = new FieldErrors();

        var reportId = report.ReportId?.Trim();
        if (string.IsNullOrEmpty(reportId))
        {
            errors.Add("reportId", "is required.");
        }
        else if (reportId.Length > MaxReportIdLength || !ReportIdPattern().IsMatch(reportId))
        {
            errors.Add("reportId", $"must be 1–{MaxReportIdLength} characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit.");
        }

        var now = time.GetUtcNow();
        if (report.OccurredAt is not { } occurredAt)
        {
            errors.Add("occurredAt", "is required (RFC 3339 date-time with offset, e.g. 2022-11-15T15:40:00Z).");
        }
        else if (checkEventTime && occurredAt > now + options.Value.MaxClockSkew)
        {
            errors.Add("occurredAt", "lies in the future.");
        }
        else if (checkEventTime && occurredAt < now - options.Value.MaxReportAge)
        {
            errors.Add("occurredAt", $"is older than the accepted {options.Value.MaxReportAge.TotalDays:0.#} days.");
        }

        if (string.IsNullOrWhiteSpace(report.Category))
        {
            errors.Add("category", "is required.");
        }
        else if (!IncidentCategories.IsKnown(report.Category))
        {
            errors.Add("category", $"must be one of: {string.Join(", ", IncidentCategories.All)}.");
        }

        var severity = ParseRequired<Severity>(report.Severity, "severity", errors.Add);
        var certainty = ParseRequired<Certainty>(report.Certainty, "certainty", errors.Add);
        var urgency = report.Urgency is null ? Urgency.Unknown : ParseRequired<Urgency>(report.Urgency, "urgency", errors.Add);

        var location = ValidateLocation(report.Location, errors.Add);

        if (string.IsNullOrWhiteSpace(report.Summary))
        {
            errors.Add("summary", "is required.");
        }
        else if (report.Summary.Length > MaxSummaryLength)
        {
            errors.Add("summary", $"must be at most {MaxSummaryLength} characters.");
        }
        else if (ReadableText.Problem(report.Summary) is { } unreadable)
        {
            errors.Add("summary", unreadable);
        }

        Casualties? casualties = null;
        if (report.Casualties is { } c)
        {
            CheckCount(c.Killed, "casualties.killed", errors.Add);
            CheckCount(c.Injured, "casualties.injured", errors.Add);
            casualties = new Casualties(c.Killed, c.Injured);
        }

        Attribution? attribution = null;
        if (report.Attribution is { } a)
        {
            if (string.IsNullOrWhiteSpace(a.Actor))
            {
                errors.Add("attribution.actor", "is required when attribution is given.");
            }
            else if (a.Actor.Length > MaxActorLength)
            {
                errors.Add("attribution.actor", $"must be at most {MaxActorLength} characters.");
            }
            else if (ReadableText.Problem(a.Actor) is { } unreadable)
            {
                errors.Add("attribution.actor", unreadable);
            }

            var confidence = a.Confidence is null ? Certainty.Unknown : ParseRequired<Certainty>(a.Confidence, "attribution.confidence", errors.Add);
            attribution = new Attribution(a.Actor?.Trim() ?? string.Empty, confidence ?? Certainty.Unknown);
        }

        if (report.Details is { Length: > MaxDetailsLength })
        {
            errors.Add("details", $"must be at most {MaxDetailsLength} characters.");
        }
        else if (report.Details is not null && ReadableText.Problem(report.Details, multiline: true) is { } unreadable)
        {
            errors.Add("details", unreadable);
        }

        var source = ValidateSource(report.Source, errors.Add);
        var area = AreaValidator.Validate(report.Area, "area", errors);
        var language = ValidateLanguage(report.Language, "language", errors.Add);
        var translations = ValidateTranslations(report.Translations, errors.Add);

        if (errors.Count > 0)
        {
            return new ReportValidationResult(null, errors.ToDictionary());
        }

        var facts = new IncidentFacts(
            report.OccurredAt!.Value.ToUniversalTime(),
            report.Category!,
            severity!.Value,
            certainty!.Value,
            urgency!.Value,
            location!,
            report.Summary!.Trim(),
            casualties,
            attribution,
            string.IsNullOrWhiteSpace(report.Details) ? null : report.Details,
            source,
            report.Exercise ?? false,
            area,
            language,
            translations);
        var stored = JsonSerializer.Serialize(facts, AlertsJson.Options).Length;
        if (stored > MaxFactsCharacters)
        {
            errors.Add("$", $"is too large to store: its facts come to {stored} characters, at most {MaxFactsCharacters} (shorten details, translations or the area).");
            return new ReportValidationResult(null, errors.ToDictionary());
        }

        return new ReportValidationResult(new ValidatedReport(reportId!, facts), new Dictionary<string, string[]>());
    }

    private static IncidentLocation? ValidateLocation(IncidentReport.ReportLocation? location, Action<string, string> fail)
    {
        if (location is null)
        {
            fail("location", "is required (country, place, lat, lon).");
            return null;
        }

        var country = location.Country?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(country))
        {
            fail("location.country", "is required.");
        }
        else if (country.Length != 2 || !CountryCodes.IsAssigned(country))
        {
            fail("location.country", "must be an assigned ISO 3166-1 alpha-2 code, such as PL.");
        }

        if (string.IsNullOrWhiteSpace(location.Place))
        {
            fail("location.place", "is required.");
        }
        else if (location.Place.Length > MaxPlaceLength)
        {
            fail("location.place", $"must be at most {MaxPlaceLength} characters.");
        }
        else if (ReadableText.Problem(location.Place) is { } unreadable)
        {
            fail("location.place", unreadable);
        }

        CheckCoordinate(location.Lat, 90, "location.lat", fail);
        CheckCoordinate(location.Lon, 180, "location.lon", fail);
        return new IncidentLocation(country ?? string.Empty, location.Place?.Trim() ?? string.Empty, location.Lat ?? 0, location.Lon ?? 0);
    }

    private static string? ValidateLanguage(string? language, string field, Action<string, string> fail)
    {
        if (language is null)
        {
            return null;
        }

        var trimmed = language.Trim();
        if (trimmed.Length > 35 || !LanguagePattern().IsMatch(trimmed))
        {
            fail(field, "must be a language tag such as en-GB or pl.");
            return null;
        }

        return trimmed;
    }

    private static List<FactsTranslation>? ValidateTranslations(List<IncidentReport.ReportTranslation?>? translations, Action<string, string> fail)
    {
        if (translations is null || translations.Count == 0)
        {
            return null;
        }

        if (translations.Count > MaxTranslations)
        {
            fail("translations", $"may hold at most {MaxTranslations} languages.");
            return null;
        }

        var result = new List<FactsTranslation>();
        for (var i = 0; i < translations.Count; i++)
        {
            var where = $"translations[{i}]";
            var t = translations[i];
            var language = t?.Language is null ? null : ValidateLanguage(t.Language, $"{where}.language", fail);
            if (t?.Language is null)
            {
                fail($"{where}.language", "is required.");
            }

            if (string.IsNullOrWhiteSpace(t?.Summary))
            {
                fail($"{where}.summary", "is required.");
            }
            else if (t.Summary.Length > MaxSummaryLength)
            {
                fail($"{where}.summary", $"must be at most {MaxSummaryLength} characters.");
            }
            else if (ReadableText.Problem(t.Summary) is { } unreadable)
            {
                fail($"{where}.summary", unreadable);
            }

            if (t?.Details is not null && ReadableText.Problem(t.Details, multiline: true) is { } unreadableDetails)
            {
                fail($"{where}.details", unreadableDetails);
            }

            if (language is not null && !string.IsNullOrWhiteSpace(t?.Summary))
            {
                result.Add(new FactsTranslation(language, t.Summary.Trim(), string.IsNullOrWhiteSpace(t.Details) ? null : t.Details));
            }
        }

        var length = result.Sum(t => t.Summary.Length + (t.Details?.Length ?? 0));
        if (length > MaxTranslatedCharacters)
        {
            fail("translations", $"come to {length} characters; at most {MaxTranslatedCharacters} are kept for all languages together.");
        }

        return result;
    }

    private static SourceGrading? ValidateSource(IncidentReport.ReportSource? source, Action<string, string> fail)
    {
        if (source is null)
        {
            return null;
        }

        var reliability = source.Reliability?.Trim().ToUpperInvariant();
        var reliabilityOk = reliability is { Length: 1 } && reliability[0] is >= 'A' and <= 'F';
        if (!reliabilityOk)
        {
            fail("source.reliability", "must be one letter A (completely reliable) to F (cannot be judged).");
        }

        var credibilityOk = source.Credibility is >= 1 and <= 6;
        if (!credibilityOk)
        {
            fail("source.credibility", "must be a number 1 (confirmed) to 6 (cannot be judged).");
        }

        return reliabilityOk && credibilityOk ? new SourceGrading(reliability![0], source.Credibility!.Value) : null;
    }

    private static T? ParseRequired<T>(string? value, string field, Action<string, string> fail)
        where T : struct, Enum
    {
        var names = string.Join("|", Enum.GetNames<T>().Reverse().Select(n => n.ToLowerInvariant()));
        if (string.IsNullOrWhiteSpace(value))
        {
            fail(field, $"is required ({names}).");
            return null;
        }

        if (!value.All(char.IsAsciiLetterLower) || !Enum.TryParse<T>(value, ignoreCase: true, out var parsed))
        {
            fail(field, $"must be one of {names}.");
            return null;
        }

        return parsed;
    }

    private static void CheckCoordinate(double? value, double limit, string field, Action<string, string> fail)
    {
        if (value is not { } v)
        {
            fail(field, "is required.");
        }
        else if (!double.IsFinite(v) || v < -limit || v > limit)
        {
            fail(field, $"must be between -{limit} and {limit}.");
        }
    }

    private static void CheckCount(int? value, string field, Action<string, string> fail)
    {
        if (value is < 0 or > MaxCasualties)
        {
            fail(field, $"must be between 0 and {MaxCasualties}.");
        }
    }
}
