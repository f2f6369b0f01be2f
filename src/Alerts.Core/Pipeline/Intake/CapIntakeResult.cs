namespace Alerts.Core.Pipeline.Intake;

/// <summary>
/// How a CAP message went: taken (the incident and what the message did to it, as for a JSON report), refused with
/// errors per element (<see cref="Title"/> says at which stage), or refused whole (<see cref="Problem"/>).
/// </summary>
public sealed record CapIntakeResult(IntakeResult? Result, IReadOnlyDictionary<string, string[]>? Errors = null, string? Title = null, string? Problem = null)
{
    public static CapIntakeResult Invalid(IReadOnlyDictionary<string, string[]> errors, string title) => new(null, errors, title);
}
