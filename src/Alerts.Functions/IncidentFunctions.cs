using Alerts.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>HTTP triggers for the incident routes: bind, call the shared endpoint, return its result.</summary>
public sealed class IncidentFunctions(IncidentEndpoints endpoints)
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
}
