namespace Alerts.Core.Domain.Cap;

/// <summary>What <see cref="CapCategoryMap"/> made of an info: our category, or the part that does not map and why.</summary>
public sealed record CapCategory(string? Category, string? Part, string? Problem)
{
    public const string CategoryPart = "category";
    public const string EventPart = "event";
    public const string EventCodePart = "eventCode";

    public static CapCategory Of(string category) => new(category, null, null);

    public static CapCategory Refused(string part, string problem) => new(null, part, problem);
}
