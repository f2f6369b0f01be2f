using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Tests.Domain.Incidents;

public class TranslationRuleTests
{
    private static readonly IncidentFacts Translated = SampleIncidents.Facts with { Translations = [new FactsTranslation("pl-PL", "Rosyjska rakieta uderzyła w suszarnię.", null)] };

    [Theory]
    [InlineData("summary", false, false)]
    [InlineData("attribution", false, false)]
    [InlineData("category", false, false)]
    [InlineData("summary", true, true)]
    [InlineData("severity", false, true)]
    [InlineData("casualties", false, true)]
    public void AfterAmendment_ChangedWords_DropTheReportersTranslations_UnlessTheAnalystGivesNew(string changed, bool patchGivesTranslations, bool kept)
    {
        var after = changed switch
        {
            "summary" => Translated with { Summary = "Stray interceptor struck a grain dryer." },
            "attribution" => Translated with { Attribution = new Attribution("Ukrainian air defence", Certainty.Likely) },
            "category" => Translated with { Category = IncidentCategories.ArtilleryFire },
            "severity" => Translated with { Severity = Severity.Severe },
            _ => Translated with { Casualties = new Casualties(3, 0) },
        };

        var facts = TranslationRule.AfterAmendment(Translated, after, patchGivesTranslations);

        Assert.Equal(kept, facts.Translations is not null);
    }
}
