using Alerts.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>HTTP triggers for the incident routes: bind, call the shared endpoint, return its result.</summary>
public sealed class IncidentFunctions(IncidentEndpoints endpoints, DeliveryEndpoints deliveries)
{
    [Function(nameof(SubmitIncident))]
    public async Task<IActionResult> SubmitIncident(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Incidents)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoints.SubmitIncident(request, cancellationToken));

    [Function(nameof(ListIncidents))]
    public async Task<IActionResult> ListIncidents(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Incidents)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoints.ListIncidents(request, cancellationToken));

    [Function(nameof(GetIncident))]
    public async Task<IActionResult> GetIncident(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Incident)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoints.GetIncident(request, id, cancellationToken));

    [Function(nameof(GetAudience))]
    public async Task<IActionResult> GetAudience(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Audience)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await deliveries.GetAudience(request, id, cancellationToken));

    [Function(nameof(ListDeliveries))]
    public async Task<IActionResult> ListDeliveries(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Deliveries)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await deliveries.ListDeliveries(request, id, cancellationToken));

    [Function(nameof(Redeliver))]
    public async Task<IActionResult> Redeliver(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Redeliver)] HttpRequest request,
        string id,
        string deliveryId,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await deliveries.Redeliver(request, id, deliveryId, cancellationToken));
}
