using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Tests.Domain.Subscribers;

public class SubscriberRequestValidatorTests
{
    private static SubscriberRequest Webhook() => new()
    {
        Name = "Border desk",
        Channel = "webhook",
        Url = "https://hooks.example.org/alerts",
        Filters = new SubscriberRequest.FilterRequest { Countries = ["PL"], MinimumSeverity = "severe", Categories = ["missile-impact"] },
    };

    private static SubscriberRequest Email() => new()
    {
        Name = "Duty officer",
        Channel = "email",
        Email = "duty@example.org",
    };

    private static string Describe(Dictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(",", e.Value)}"));

    [Fact]
    public void Validate_WebhookRequest_IsValidAndCarriesEveryField()
    {
        var (draft, errors) = SubscriberRequestValidator.Validate(Webhook());

        Assert.True(draft is not null, Describe(errors));
        Assert.Empty(errors);
        Assert.Equal("Border desk", draft.Name);
        Assert.Equal(SubscriberChannel.Webhook, draft.Channel);
        Assert.Equal("https://hooks.example.org/alerts", draft.Target);
        Assert.Equal(["PL"], draft.Filter.Countries);
        Assert.Equal(Severity.Severe, draft.Filter.MinimumSeverity);
        Assert.Equal(["missile-impact"], draft.Filter.Categories);
    }

    [Fact]
    public void Validate_EmailRequestWithoutFilters_MatchesEverything()
    {
        var (draft, errors) = SubscriberRequestValidator.Validate(Email());

        Assert.True(draft is not null, Describe(errors));
        Assert.Equal(SubscriberChannel.Email, draft.Channel);
        Assert.Equal("duty@example.org", draft.Target);
        Assert.Empty(draft.Filter.Countries);
        Assert.Equal(Severity.Unknown, draft.Filter.MinimumSeverity);
        Assert.Empty(draft.Filter.Categories);
    }

    public static TheoryData<string, Func<SubscriberRequest>, string[]> InvalidRequests => new()
    {
        { "name missing", () => With(Webhook(), r => r.Name = null), ["name"] },
        { "name blank", () => With(Webhook(), r => r.Name = "   "), ["name"] },
        { "name too long", () => With(Webhook(), r => r.Name = new string('n', SubscriberRequestValidator.MaxNameLength + 1)), ["name"] },
        { "channel missing", () => With(Webhook(), r => r.Channel = null), ["channel"] },
        { "channel sms", () => With(Webhook(), r => r.Channel = "sms"), ["channel"] },
        { "channel upper case", () => With(Webhook(), r => r.Channel = "Webhook"), ["channel"] },
        { "webhook url missing", () => With(Webhook(), r => r.Url = null), ["url"] },
        { "webhook url relative", () => With(Webhook(), r => r.Url = "/hooks/alerts"), ["url"] },
        { "webhook url ftp", () => With(Webhook(), r => r.Url = "ftp://hooks.example.org/alerts"), ["url"] },
        { "webhook url with credentials", () => With(Webhook(), r => r.Url = "https://user:pass@hooks.example.org/alerts"), ["url"] },
        { "webhook url too long", () => With(Webhook(), r => r.Url = "https://hooks.example.org/" + new string('a', SubscriberRequestValidator.MaxUrlLength)), ["url"] },
        { "email on a webhook", () => With(Webhook(), r => r.Email = "duty@example.org"), ["email"] },
        { "email missing", () => With(Email(), r => r.Email = null), ["email"] },
        { "email not an address", () => With(Email(), r => r.Email = "not-an-email"), ["email"] },
        { "email without domain", () => With(Email(), r => r.Email = "a@"), ["email"] },
        { "url on an email subscriber", () => With(Email(), r => r.Url = "https://hooks.example.org/alerts"), ["url"] },
        { "country unassigned", () => With(Webhook(), r => r.Filters!.Countries = ["XX"]), ["filters.countries[0]"] },
        { "country alpha-3", () => With(Webhook(), r => r.Filters!.Countries = ["PL", "POL"]), ["filters.countries[1]"] },
        { "minimum severity unknown word", () => With(Webhook(), r => r.Filters!.MinimumSeverity = "huge"), ["filters.minimumSeverity"] },
        { "minimum severity upper case", () => With(Webhook(), r => r.Filters!.MinimumSeverity = "Severe"), ["filters.minimumSeverity"] },
        { "minimum severity number", () => With(Webhook(), r => r.Filters!.MinimumSeverity = "3"), ["filters.minimumSeverity"] },
        { "category unknown", () => With(Webhook(), r => r.Filters!.Categories = ["missile-impact", "meteor"]), ["filters.categories[1]"] },
        {
            "everything wrong at once",
            () => new SubscriberRequest
            {
                Name = "",
                Channel = "webhook",
                Url = "ftp://x",
                Email = "duty@example.org",
                Filters = new SubscriberRequest.FilterRequest { Countries = ["XX"], MinimumSeverity = "huge", Categories = ["meteor"] },
            },
            ["email", "filters.categories[0]", "filters.countries[0]", "filters.minimumSeverity", "name", "url"]
        },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void Validate_InvalidField_NamesExactlyTheBadFields(string why, Func<SubscriberRequest> request, string[] fields)
    {
        var (draft, errors) = SubscriberRequestValidator.Validate(request());

        Assert.True(draft is null, $"{why}: expected errors, got a draft");
        Assert.True(fields.SequenceEqual(errors.Keys.Order(StringComparer.Ordinal)), $"{why}: expected [{string.Join(", ", fields)}], got {Describe(errors)}");
        Assert.All(errors.Values, messages => Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m))));
    }

    [Fact]
    public void Validate_Countries_AreUpperCasedTrimmedAndDeduplicated()
    {
        var request = With(Webhook(), r => r.Filters!.Countries = ["pl", "PL", " lt ", "Lt"]);

        var (draft, errors) = SubscriberRequestValidator.Validate(request);

        Assert.True(draft is not null, Describe(errors));
        Assert.Equal(["PL", "LT"], draft.Filter.Countries);
    }

    [Fact]
    public void Validate_Categories_AreDeduplicated()
    {
        var request = With(Webhook(), r => r.Filters!.Categories = ["drone-incursion", "missile-impact", "drone-incursion"]);

        var (draft, _) = SubscriberRequestValidator.Validate(request);

        Assert.Equal(["drone-incursion", "missile-impact"], draft!.Filter.Categories);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Validate_Enabled_DefaultsToTrue(bool? enabled, bool expected)
    {
        var (draft, _) = SubscriberRequestValidator.Validate(With(Webhook(), r => r.Enabled = enabled));

        Assert.Equal(expected, draft!.Enabled);
    }

    [Fact]
    public void Validate_NameIsTrimmed_AndEmailReducedToTheAddress()
    {
        var request = With(Email(), r =>
        {
            r.Name = "  Duty officer  ";
            r.Email = "Duty Officer <duty@example.org>";
        });

        var (draft, errors) = SubscriberRequestValidator.Validate(request);

        Assert.True(draft is not null, Describe(errors));
        Assert.Equal("Duty officer", draft.Name);
        Assert.Equal("duty@example.org", draft.Target);
    }

    [Theory]
    [InlineData("extreme", Severity.Extreme)]
    [InlineData("severe", Severity.Severe)]
    [InlineData("moderate", Severity.Moderate)]
    [InlineData("minor", Severity.Minor)]
    [InlineData("unknown", Severity.Unknown)]
    public void Validate_MinimumSeverity_LowerCaseNamesParse(string text, Severity expected)
    {
        var (draft, _) = SubscriberRequestValidator.Validate(With(Webhook(), r => r.Filters!.MinimumSeverity = text));

        Assert.Equal(expected, draft!.Filter.MinimumSeverity);
    }

    private static SubscriberRequest With(SubscriberRequest request, Action<SubscriberRequest> change)
    {
        change(request);
        return request;
    }
}
