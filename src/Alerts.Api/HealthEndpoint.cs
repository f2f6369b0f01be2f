using Alerts.Core.Domain;
using Alerts.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>GET /api/health: 200 when table and queue storage answer within a few seconds, else 503.</summary>
public sealed class HealthEndpoint(StorageHealth health)
{
    public async Task<IResult> Check(CancellationToken cancellationToken) =>
        await health.CheckAsync(cancellationToken) is { } problem
            ? ApiProblems.Unavailable(problem)
            : Results.Json(new { status = "healthy", storage = health.Description }, AlertsJson.Options);
}
