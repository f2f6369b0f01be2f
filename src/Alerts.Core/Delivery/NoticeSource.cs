using System.Collections.Concurrent;
using Alerts.Core.Storage;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Delivery;

/// <summary>
/// The notice for an issued incident version, built from its immutable snapshot. Cached: every delivery message of a
/// release needs the same one, and a version never changes once issued.
/// </summary>
public sealed class NoticeSource(IncidentStore incidents, IOptions<LinkOptions> links)
{
    private const int MaxCached = 256;
    private readonly ConcurrentDictionary<(string, int), AlertNotice> cache = new();

    public async Task<AlertNotice?> FindAsync(string incidentId, int version, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue((incidentId, version), out var cached))
        {
            return cached;
        }

        var snapshot = await incidents.FindSnapshotAsync(incidentId, version, cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        var notice = new AlertNotice(snapshot.Type, incidentId, version, snapshot.Facts, snapshot.IssuedAt, snapshot.References, links.Value.IncidentUrl(incidentId));
        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        cache[(incidentId, version)] = notice;
        return notice;
    }
}
