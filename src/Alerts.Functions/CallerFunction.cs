using Alerts.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>GET /api/me: who the API key belongs to and what it may do.</summary>
public sealed class CallerFunction(CallerEndpoint endpoint)
{
    [Function(nameof(DescribeCaller))]
    public async Task<IActionResult> DescribeCaller(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Me)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoint.Describe(request));
}
