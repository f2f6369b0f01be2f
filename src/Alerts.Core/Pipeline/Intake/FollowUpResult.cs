namespace Alerts.Core.Pipeline.Intake;

/// <summary>How a follow-up went: done (with the incident and outcome), the referenced report is unknown, or the incident takes no more.</summary>
public sealed record FollowUpResult(FollowUpStatus Status, IntakeResult? Result = null);
