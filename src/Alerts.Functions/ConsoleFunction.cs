using Alerts.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>
/// GET /api/console/{file?}: the duty desk console, anonymous like health — a browser cannot send a function key when
/// it opens a page; the console sends the function key (and the API key) with every API call it makes.
/// </summary>
public sealed class ConsoleFunction(ConsoleEndpoint endpoint)
{
    [Function(nameof(ServeConsole))]
    public IActionResult ServeConsole(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Console)] HttpRequest request,
        string? file,
        CancellationToken cancellationToken) =>
        new ResultActionResult(endpoint.Serve(request, file));
}
