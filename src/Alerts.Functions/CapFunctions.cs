using Alerts.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>HTTP triggers for CAP consumers (the Atom feed, one notice's CAP message): bind, call the shared endpoint, return its result.</summary>
public sealed class CapFunctions(CapEndpoints endpoints)
{
    [Function(nameof(GetFeed))]
    public async Task<IActionResult> GetFeed(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Feed)] HttpRequest request, CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoints.GetFeed(request, cancellationToken));

    [Function(nameof(GetNotice))]
    public async Task<IActionResult> GetNotice(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Notice)] HttpRequest request, string id, string notice, CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoints.GetNotice(request, id, notice, cancellationToken));
}
