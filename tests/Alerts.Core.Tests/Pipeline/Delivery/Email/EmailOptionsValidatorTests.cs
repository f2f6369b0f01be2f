using Alerts.Core.Pipeline.Delivery.Email;

namespace Alerts.Core.Tests.Pipeline.Delivery.Email;

public sealed class EmailOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new EmailOptionsValidator().Validate(null, new EmailOptions()).Succeeded);
    }

    [Theory]
    [InlineData("smtp.example.org", 465, "tls", "Alerts <alerts@example.org>")]
    [InlineData("smtp.example.org", 587, "STARTTLS", "alerts@example.org")]
    [InlineData("127.0.0.1", 25, "none", "Alerts <alerts@localhost>")]
    public void Validate_GoodSettings_Succeed(string host, int port, string security, string from)
    {
        var options = new EmailOptions { Host = host, Port = port, Security = security, From = from };

        Assert.True(new EmailOptionsValidator().Validate(null, options).Succeeded);
    }

    public static TheoryData<EmailOptions, string> BadSettings => new()
    {
        { new EmailOptions { Port = 0 }, "Email:Port must be 1–65535" },
        { new EmailOptions { Port = 70000 }, "Email:Port must be 1–65535" },
        { new EmailOptions { From = "not a mailbox" }, "Email:From" },
        { new EmailOptions { From = "Alerts <>" }, "Email:From" },
        { new EmailOptions { From = "" }, "Email:From" },
        { new EmailOptions { Security = "ssl" }, "Email:Security must be one of auto, starttls, tls, none" },
        { new EmailOptions { Timeout = TimeSpan.Zero }, "Email:Timeout" },
        { new EmailOptions { Username = "alerts" }, "Email:Password" },
        { new EmailOptions { OutboxPath = " " }, "Email:OutboxPath" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_BadSetting_FailsNamingIt(EmailOptions options, string expected)
    {
        var result = new EmailOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }
}
