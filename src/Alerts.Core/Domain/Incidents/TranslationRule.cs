namespace Alerts.Core.Domain.Incidents;

/// <summary>
/// Translations are the reporter's words for the facts as reported. When an analyst changes what they say (summary,
/// details, category, attribution) without giving new translations, they go: no language may keep a claim the analyst
/// corrected (a first report's "Russian missile" must not live on in Polish).
/// </summary>
public static class TranslationRule
{
    private static readonly string[] Worded = ["summary", "details", "category", "attribution"];

    public static IncidentFacts AfterAmendment(IncidentFacts before, IncidentFacts after, bool patchGivesTranslations) =>
        !patchGivesTranslations && after.Translations is not null && FactsComparison.ChangedFields(before, after).Intersect(Worded).Any()
            ? after with { Translations = null }
            : after;
}
