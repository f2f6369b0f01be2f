using Alerts.Core.Domain.Cap;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Delivery;
using Alerts.Core.Storage;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Queries;

/// <summary>
/// What CAP consumers read: the CAP message of a released incident (its current one, or one notice), and the Atom
/// feed. An incident that was never released has no CAP message: its held facts must not leak. An exercise is left
/// out where <c>realOnly</c> (feed consumers, who are told of real incidents only).
/// </summary>
public sealed class CapQueries(IncidentStore incidents, FeedStore feed, IOptions<LinkOptions> links, TimeProvider time)
{
    public const int FeedSize = 50;

    /// <summary>The CAP document of the incident's latest public notice, or null.</summary>
    public Task<byte[]?> CurrentAsync(string incidentId, bool realOnly, CancellationToken cancellationToken) =>
        MessageAsync(incidentId, null, realOnly, cancellationToken);

    /// <summary>The CAP document of public notice <paramref name="notice"/>, or null.</summary>
    public Task<byte[]?> NoticeAsync(string incidentId, int notice, bool realOnly, CancellationToken cancellationToken) =>
        MessageAsync(incidentId, notice, realOnly, cancellationToken);

    /// <summary>The Atom feed: the newest <see cref="FeedSize"/> public notices of released, real incidents.</summary>
    public async Task<byte[]> FeedAsync(CancellationToken cancellationToken)
    {
        var entries = await feed.LatestAsync(FeedSize, cancellationToken);
        var link = links.Value;
        return CapAlertWriter.Bytes(AtomFeedWriter.Write(entries, link.FeedUrl(), link.NoticeUrl, link.CapSender(), time.GetUtcNow()));
    }

    private async Task<byte[]?> MessageAsync(string incidentId, int? number, bool realOnly, CancellationToken cancellationToken)
    {
        if (!IncidentId.IsWellFormed(incidentId) || await incidents.FindAsync(incidentId, cancellationToken) is not { ReleasedAt: not null } incident
            || (realOnly && incident.Facts.Exercise))
        {
            return null;
        }

        var notices = await incidents.PublicNoticesAsync(incidentId, cancellationToken);
        var wanted = number ?? incident.LastPublicNotice;
        if (notices.FirstOrDefault(n => n.Number == wanted) is not { } issued)
        {
            return null;
        }

        var earlier = notices.Where(n => n.Number < wanted).Select(n => new Domain.Deliveries.NoticeStamp(n.Number, n.IssuedAt)).ToList();
        return CapAlertWriter.Serialize(NoticeSource.Of(issued, incidentId, links.Value, earlier), links.Value.CapSender());
    }
}
