using System.Collections.Concurrent;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Storage;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline.Delivery;

/// <summary>
/// An issued notice as channels send it, built from its immutable notice row (a correction with the public notices
/// before it, which its CAP form references). Cached: every delivery message of a release needs the same one, and a
/// notice never changes once issued.
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

        var earlier = issued.Type is NoticeTypes.Update or NoticeTypes.Cancel
            ? (await incidents.PublicNoticesAsync(incidentId, cancellationToken)).Where(n => n.Number < number).Select(n => new NoticeStamp(n.Number, n.IssuedAt)).ToList()
            : null;
        var notice = (Of(issued, incidentId, links.Value, earlier), issued.Audience);
        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        cache[(incidentId, number)] = notice;
        return notice;
    }

    /// <summary>A notice row as channels send it.</summary>
    public static AlertNotice Of(IssuedNotice issued, string incidentId, LinkOptions links, IReadOnlyList<NoticeStamp>? earlier) =>
        new(issued.Type, incidentId, issued.Version, issued.Facts, issued.IssuedAt, issued.References, links.IncidentUrl(incidentId), earlier, issued.Number);
}
