using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Intake;

namespace Alerts.Api.Views;

/// <summary>Body of the 202 for a submitted report: the incident it landed in and what it did (opened, corroborated, …).</summary>
public sealed record IntakeResponse(string IncidentId, IncidentStatus Status, DateTimeOffset HoldUntil, string HoldReason, bool Created, IntakeOutcome Outcome);
