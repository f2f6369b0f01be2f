using Alerts.Core.Domain.Cap;

namespace Alerts.Core.Tests.Domain.Cap;

/// <summary>Every value of msgType, status and scope in CAP 1.2, and what intake makes of it.</summary>
public class CapMessageRulesTests
{
    [Theory]
    [InlineData("Alert", CapIntent.Report, null)]
    [InlineData("Update", CapIntent.Amendment, null)]
    [InlineData("Cancel", CapIntent.Withdrawal, null)]
    [InlineData("Ack", null, "acknowledgement")]
    [InlineData("Error", null, "rejection")]
    [InlineData("alert", null, "not a CAP 1.2 value")]
    public void MessageType_EveryValue(string value, CapIntent? intent, string? refusal)
    {
        var rule = CapMessageRules.MessageType(value);

        Assert.Equal(intent, rule.Meaning);
        Assert.Equal(refusal is null, rule.Refusal is null);
        if (refusal is not null)
        {
            Assert.Contains(refusal, rule.Refusal, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Actual", false, null)]
    [InlineData("Exercise", true, null)]
    [InlineData("Test", null, "send status Exercise")]
    [InlineData("Draft", null, "not to be acted on")]
    [InlineData("System", null, "alerting network itself")]
    public void Status_EveryValue(string value, bool? exercise, string? refusal)
    {
        var rule = CapMessageRules.Status(value);

        Assert.Equal(exercise, rule.Meaning);
        if (refusal is not null)
        {
            Assert.Contains(refusal, rule.Refusal, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("Restricted")]
    [InlineData("Private")]
    public void Scope_EveryValue_IsTaken(string value)
    {
        var rule = CapMessageRules.Scope(value);

        Assert.True(rule.Meaning);
        Assert.Null(rule.Refusal);
    }

    [Fact]
    public void TheTables_CoverTheSchemasEnumerations()
    {
        Assert.Equal(["Ack", "Alert", "Cancel", "Error", "Update"], CapMessageRules.MessageTypeValues.Order(StringComparer.Ordinal));
        Assert.Equal(["Actual", "Draft", "Exercise", "System", "Test"], CapMessageRules.StatusValues.Order(StringComparer.Ordinal));
        Assert.Equal(["Private", "Public", "Restricted"], CapMessageRules.ScopeValues.Order(StringComparer.Ordinal));
    }
}
