namespace Alerts.Core.Domain.Cap;

/// <summary>How one value of a CAP field is taken: what it means here, or why it is refused.</summary>
public sealed record CapRule<T>(T? Meaning, string? Refusal)
    where T : struct;
