using Alerts.Core.Security;

namespace Alerts.Core.Tests.Security;

public class ApiKeyTests
{
    private static ApiKeyOptions Options(params (string Key, string Role, string Name)[] keys) => new()
    {
        Keys = keys.Select(k => new ApiKeyOptions.ApiKeyEntry { Key = k.Key, Role = k.Role, Name = k.Name }).ToList(),
    };

    [Fact]
    public void Authenticate_KnownKey_GivesRoleAndName()
    {
        var authenticator = new ApiKeyAuthenticator(Microsoft.Extensions.Options.Options.Create(Options(("dev-reporter-key", "reporter", "dev-reporter"))));

        Assert.Equal(new Caller(ApiRole.Reporter, "dev-reporter"), authenticator.Authenticate("dev-reporter-key"));
        Assert.Null(authenticator.Authenticate("dev-reporter-keY"));
        Assert.Null(authenticator.Authenticate(null));
    }

    [Theory]
    [InlineData("short", "reporter", "a", "Auth:Keys:0:Key")]
    [InlineData("long-enough-key", "superuser", "a", "Auth:Keys:0:Role")]
    [InlineData("long-enough-key", "1", "a", "Auth:Keys:0:Role")]
    [InlineData("long-enough-key", "analyst", "Has Space", "Auth:Keys:0:Name")]
    public void Validator_BadEntry_NamesTheSetting(string key, string role, string name, string setting)
    {
        var result = new ApiKeyOptionsValidator().Validate(null, Options((key, role, name)));

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(setting, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("reporter", ApiRole.Reporter)]
    [InlineData("analyst", ApiRole.Analyst)]
    [InlineData("admin", ApiRole.Admin)]
    [InlineData("feed", ApiRole.Feed)]
    public void EveryRole_IsAccepted_AndAuthenticatesAsItself(string role, ApiRole expected)
    {
        var options = Options(("long-enough-key", role, "caller"));

        Assert.True(new ApiKeyOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(expected, new ApiKeyAuthenticator(Microsoft.Extensions.Options.Options.Create(options)).Authenticate("long-enough-key")!.Role);
    }

    [Fact]
    public void Validator_DuplicateKey_Fails()
    {
        var result = new ApiKeyOptionsValidator().Validate(null, Options(("same-key-12345", "reporter", "a"), ("same-key-12345", "admin", "b")));

        Assert.Contains(result.Failures!, f => f.Contains("repeats", StringComparison.Ordinal));
    }
}
