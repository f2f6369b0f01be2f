using Alerts.Core.Domain.Incidents;
using Alerts.Core.Storage;

namespace Alerts.Core.Queries;

/// <summary>What the API reads about incidents: one in full, or the board by status.</summary>
public sealed class IncidentQueries(IncidentStore incidents, DeliveryStore deliveries)
{
    /// <summary>The incident with its reports, timeline and delivery counts; null when there is no such incident.</summary>
    public async Task<IncidentDetails?> FindAsync(string incidentId, CancellationToken cancellationToken)
    {
        if (!IncidentId.IsWellFormed(incidentId) || await incidents.LoadAsync(incidentId, cancellationToken) is not { } record)
        {
            return null;
        }

        return new IncidentDetails(record.Incident, record.Reports, record.Timeline, await deliveries.CountAsync(incidentId, cancellationToken));
    }

    /// <summary>Whether the incident exists (a cheap point read).</summary>
    public async Task<bool> ExistsAsync(string incidentId, CancellationToken cancellationToken) =>
        IncidentId.IsWellFormed(incidentId) && await incidents.FindAsync(incidentId, cancellationToken) is not null;

    /// <summary>Incidents with a given status, newest first.</summary>
    /// <exception cref="InvalidContinuationTokenException">The token was not one this service issued.</exception>
    public async Task<Page<Incident>> ListAsync(IncidentStatus status, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var page = await incidents.ListAsync(status, pageSize, continuationToken, cancellationToken);
        return new Page<Incident>(page.Items, page.ContinuationToken);
    }
}
