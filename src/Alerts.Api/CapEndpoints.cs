using System.Globalization;
using Alerts.Core.Queries;
using Alerts.Core.Security;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>
/// What CAP consumers read: the Atom feed of released, real incidents, and the CAP message of each public notice it
/// links. A key with role feed reads these (and an incident's current CAP message) for real incidents only.
/// </summary>
public sealed class CapEndpoints(EndpointGate gate, CapQueries cap)
{
    /// <summary>GET /api/feed: Atom, newest first, each entry linking its CAP message.</summary>
    public Task<IResult> GetFeed(HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Roles.FeedReaders, async _ => CapResults.Feed(await cap.FeedAsync(cancellationToken)));

    /// <summary>GET /api/incidents/{id}/notices/{notice}: the CAP 1.2 message of one public notice (alert, update, cancellation).</summary>
    public Task<IResult> GetNotice(HttpRequest request, string id, string notice, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Roles.CapReaders, async caller =>
            int.TryParse(notice, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
                ? CapResults.Message(await cap.NoticeAsync(id, number, caller.Role == ApiRole.Feed, cancellationToken), id)
                : ApiProblems.NotFound($"Notice '{notice}' of incident '{id}'"));
}
