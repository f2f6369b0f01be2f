using Alerts.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>The probes, anonymous so load balancers and probes need no key: readiness (and /api/health), liveness.</summary>
public sealed class HealthFunction(HealthEndpoint endpoint)
{
    [Function(nameof(Health))]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoint.Ready(cancellationToken));

    [Function(nameof(Ready))]
    public async Task<IActionResult> Ready(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Ready)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoint.Ready(cancellationToken));

    [Function(nameof(Live))]
    public IActionResult Live(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Live)] HttpRequest request) =>
        new ResultActionResult(endpoint.Live());
}
