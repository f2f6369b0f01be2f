using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Verification;
using Alerts.Core.Storage;

namespace Alerts.Core.Queries;

/// <summary>What the API reads about incidents: one in full, or the board by status.</summary>
public sealed class IncidentQueries(IncidentStore incidents, DeliveryStore deliveries, ConfirmationPolicy confirmation)
{
    /// <summary>The incident with its reports, timeline and delivery counts; null when there is no such incident.</summary>
    public async Task<IncidentDetails?> FindAsync(string incidentId, CancellationToken cancellationToken)
    {
        if (!IncidentId.IsWellFormed(incidentId) || await incidents.LoadAsync(incidentId, cancellationToken) is not { } record)
        {
            return null;
        }

        return new IncidentDetails(
            record.Incident, record.Reports, record.Timeline, await deliveries.CountAsync(incidentId, cancellationToken), confirmation.Required(record.Incident.Facts));
    }

    /// <summary>Whether the incident exists (a cheap point read).</summary>
    public async Task<bool> ExistsAsync(string incidentId, CancellationToken cancellationToken) =>
        IncidentId.IsWellFormed(incidentId) && await incidents.FindAsync(incidentId, cancellationToken) is not null;

    /// <summary>Incidents with any of the given statuses, newest first.</summary>
    /// <exception cref="InvalidContinuationTokenException">The token was not one this service issued.</exception>
    public async Task<Page<BoardEntry>> ListAsync(IReadOnlyCollection<IncidentStatus> statuses, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var page = await incidents.ListAsync(statuses, pageSize, continuationToken, cancellationToken);
        return new Page<BoardEntry>(page.Items.Select(i => new BoardEntry(i, confirmation.Required(i.Facts))).ToList(), page.ContinuationToken);
    }
}
