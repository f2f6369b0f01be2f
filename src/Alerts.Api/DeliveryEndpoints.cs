using Alerts.Api.Views;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Pipeline.Delivery;
using Alerts.Core.Queries;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>Who was told what, and who would be: per-recipient delivery records, the audience of a release, and redelivery for operators.</summary>
public sealed class DeliveryEndpoints(EndpointGate gate, DeliveryQueries deliveries, AudienceQueries audiences, Redelivery redelivery)
{
    /// <summary>GET /api/incidents/{id}/deliveries (analyst): one row per recipient and version, paged.</summary>
    public Task<IResult> ListDeliveries(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Roles.Analysts, _ => PageAsync(request, (size, token) => deliveries.ListAsync(id, size, token, cancellationToken), $"Incident '{id}'"));

    /// <summary>GET /api/subscribers/{id}/deliveries (admin): the subscriber's deliveries of the last 30 days, newest incident first, paged.</summary>
    public Task<IResult> ListSubscriberDeliveries(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Roles.Admins, _ => PageAsync(request, (size, token) => deliveries.ListRecentAsync(id, size, token, cancellationToken), $"Subscriber '{id}'"));

    /// <summary>GET /api/incidents/{id}/audience (analyst): who the alert would go to if released now, counted by channel.</summary>
    public Task<IResult> GetAudience(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Roles.Analysts, async _ => await audiences.ForReleaseAsync(id, cancellationToken) is { } audience
            ? Results.Json(audience, AlertsJson.Options)
            : ApiProblems.NotFound($"Incident '{id}'"));

    /// <summary>POST /api/incidents/{id}/deliveries/{deliveryId}/redeliver (admin): 202, same webhook-id, fresh retry schedule.</summary>
    public Task<IResult> Redeliver(HttpRequest request, string id, string deliveryId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Roles.Admins, async _ =>
        {
            if (!DeliveryKey.TryParse(deliveryId, out var key) || key.IncidentId != id)
            {
                return ApiProblems.NotFound($"Delivery '{deliveryId}' of incident '{id}'");
            }

            var (result, record) = await redelivery.RedeliverAsync(key, cancellationToken);
            return result switch
            {
                Redelivery.Result.Queued => Results.Json(DeliveryView.From(record!), AlertsJson.Options, statusCode: StatusCodes.Status202Accepted),
                Redelivery.Result.InProgress => ApiProblems.Conflict("Delivery in progress", "This delivery is being sent right now; look again in a moment."),
                _ => ApiProblems.NotFound($"Delivery '{deliveryId}' of incident '{id}'"),
            };
        });

    /// <summary>A page of deliveries as the paging parameters ask; 404 naming <paramref name="owner"/> when it does not exist.</summary>
    private static async Task<IResult> PageAsync(HttpRequest request, Func<int, string?, Task<Page<DeliveryRecord>?>> read, string owner)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageSize, token) = QueryParameters.Page(request, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        return await read(pageSize, token) is { } page
            ? Results.Json(new PageView<DeliveryView>(page.Items.Select(DeliveryView.From).ToList(), page.ContinuationToken), AlertsJson.Options)
            : ApiProblems.NotFound(owner);
    }
}
