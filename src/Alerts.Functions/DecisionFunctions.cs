using Alerts.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>HTTP triggers for the analyst's decisions: bind, call the shared endpoint, return its result.</summary>
public sealed class DecisionFunctions(DecisionEndpoints endpoints)
{
    [Function(nameof(AmendIncident))]
    public async Task<IActionResult> AmendIncident(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = ApiRoutes.Incident)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoints.Amend(request, id, cancellationToken));

    [Function(nameof(ConfirmIncident))]
    public async Task<IActionResult> ConfirmIncident(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Confirm)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoints.Confirm(request, id, cancellationToken));

    [Function(nameof(ExtendHold))]
    public async Task<IActionResult> ExtendHold(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Extend)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoints.Extend(request, id, cancellationToken));

    [Function(nameof(RetractIncident))]
    public async Task<IActionResult> RetractIncident(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Retract)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoints.Retract(request, id, cancellationToken));
}
