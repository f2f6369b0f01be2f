using Alerts.Api.Views;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Delivery;
using Alerts.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>Who was told what: per-recipient delivery records, and redelivery for operators.</summary>
public sealed class DeliveryEndpoints(CallerGate gate, IncidentStore incidents, DeliveryStore deliveries, Redelivery redelivery)
{
    /// <summary>GET /api/incidents/{id}/deliveries (analyst): one row per recipient and version, paged.</summary>
    public async Task<IResult> ListDeliveries(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!gate.TryAuthorize(request, Roles.Analysts, out _, out var denied))
        {
            return denied;
        }

        if (!IncidentId.IsWellFormed(id) || await incidents.FindAsync(id, cancellationToken) is null)
        {
            return ApiProblems.NotFound($"Incident '{id}'");
        }

        var errors = new Dictionary<string, string[]>();
        if (!QueryParameters.TryPageSize(request, errors, out var pageSize))
        {
            return ApiProblems.Validation(errors, "The query has invalid parameters");
        }

        try
        {
            var page = await deliveries.ListAsync(id, pageSize, QueryParameters.ContinuationToken(request), cancellationToken);
            return Results.Json(new PageView<DeliveryView>(page.Items.Select(DeliveryView.From).ToList(), page.ContinuationToken), AlertsJson.Options);
        }
        catch (InvalidContinuationTokenException e)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["continuationToken"] = [e.Message] }, "The query has invalid parameters");
        }
    }

    /// <summary>POST /api/incidents/{id}/deliveries/{deliveryId}/redeliver (admin): 202, same webhook-id, fresh retry schedule.</summary>
    public async Task<IResult> Redeliver(HttpRequest request, string id, string deliveryId, CancellationToken cancellationToken)
    {
        if (!gate.TryAuthorize(request, Roles.Admins, out _, out var denied))
        {
            return denied;
        }

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
    }
}
