using System.Collections.Concurrent;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Storage;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline.Delivery;

/// <summary>
/// An issued notice as channels send it, built from its immutable notice row. Cached: every delivery message of a
/// release needs the same one, and a notice never changes once issued.
/// </summary>
public sealed class NoticeSource(IncidentStore incidents, IOptions<LinkOptions> links)
{
    private const int MaxCached = 256;
    private readonly ConcurrentDictionary<(string, int), (AlertNotice, NoticeAudience)> cache = new();

    public async Task<(AlertNotice Notice, NoticeAudience Audience)?> FindAsync(string incidentId, int number, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue((incidentId, number), out var cached))
        {
            return cached;
        }

        var issued = await incidents.FindNoticeAsync(incidentId, number, cancellationToken);
        if (issued is null)
        {
            return null;
        }

        var notice = (new AlertNotice(issued.Type, incidentId, issued.Version, issued.Facts, issued.IssuedAt, issued.References, links.Value.IncidentUrl(incidentId)), issued.Audience);
        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        cache[(incidentId, number)] = notice;
        return notice;
    }
}
