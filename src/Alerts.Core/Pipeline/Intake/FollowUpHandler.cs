using System.Text.Json;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Hold;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Transitions;
using Alerts.Core.Storage;

namespace Alerts.Core.Pipeline.Intake;

/// <summary>
/// A reporter's follow-ups to its own earlier reports (CAP Update and Cancel): finds the incident the referenced report
/// went to and applies <see cref="FollowUpDecision"/> through the one transition primitive. Idempotent per (reporter,
/// report id): the follow-up is filed as a report of the incident, so a repeat changes nothing.
/// </summary>
public sealed class FollowUpHandler(IntakeIndex index, HoldPolicy hold, IncidentTransitions transitions, Correlator correlator, TimeProvider time)
{
    public async Task<FollowUpResult> AmendAsync(string reporterId, ValidatedReport update, IReadOnlyList<string> referenced, CancellationToken cancellationToken)
    {
        if (await index.LocateAsync(reporterId, referenced, update.Facts.Location.Country, cancellationToken) is not { } incidentId)
        {
            return new FollowUpResult(FollowUpStatus.UnknownReference);
        }

        var now = time.GetUtcNow();
        var record = new ReportRecord(reporterId, update.ReportId, now, JsonSerializer.Serialize(update.Facts, AlertsJson.Options), ReportKinds.Amendment);
        Incident? before = null;
        var transition = await transitions.ApplyAsync(
            incidentId,
            (incident, at) =>
            {
                before = incident;
                return FollowUpDecision.Amend(incident, reporterId, update.Facts, record with { ReceivedAt = at }, at);
            },
            cancellationToken);
        if (transition is { Status: TransitionStatus.Written, Result: IntakeOutcome.Amended, Incident: { } after } && before is not null)
        {
            await correlator.RefileAsync(before, after, cancellationToken);
        }

        return await ResultAsync(transition, reporterId, update.ReportId, cancellationToken);
    }

    public async Task<FollowUpResult> WithdrawAsync(string reporterId, string reportId, IReadOnlyList<string> referenced, string? country, CancellationToken cancellationToken)
    {
        if (await index.LocateAsync(reporterId, referenced, country, cancellationToken) is not { } incidentId)
        {
            return new FollowUpResult(FollowUpStatus.UnknownReference);
        }

        var record = new ReportRecord(reporterId, reportId, time.GetUtcNow(), "{}", ReportKinds.Withdrawal);
        var transition = await transitions.ApplyAsync(incidentId, (incident, at) => FollowUpDecision.Withdraw(hold, incident, reporterId, record with { ReceivedAt = at }, at), cancellationToken);
        return await ResultAsync(transition, reporterId, reportId, cancellationToken);
    }

    private async Task<FollowUpResult> ResultAsync(Transition<IntakeOutcome?> transition, string reporterId, string reportId, CancellationToken cancellationToken)
    {
        switch (transition.Status)
        {
            case TransitionStatus.Written:
                await index.RememberAsync(reporterId, reportId, transition.Incident!.Id, cancellationToken);
                return new FollowUpResult(FollowUpStatus.Done, new IntakeResult(transition.Incident, transition.Result!.Value));
            case TransitionStatus.ReportExists:
                return new FollowUpResult(FollowUpStatus.Done, new IntakeResult(transition.Incident!, IntakeOutcome.Duplicate));
            case TransitionStatus.Answered:
                return new FollowUpResult(transition.Incident is null ? FollowUpStatus.UnknownReference : FollowUpStatus.Final, transition.Incident is null ? null : new IntakeResult(transition.Incident, IntakeOutcome.Duplicate));
            default:
                throw new IntakeBusyException($"The incident kept changing: the follow-up {reporterId}/{reportId} could not be filed.");
        }
    }
}
