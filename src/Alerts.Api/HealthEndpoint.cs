using Alerts.Core.Domain;
using Alerts.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Alerts.Api;

/// <summary>
/// Probes, anonymous. Liveness (GET /api/health/live): the process answers — nothing else, so a storage outage never
/// restarts it. Readiness (GET /api/health/ready, and the older GET /api/health): the checks tagged ready (storage)
/// pass within a few seconds; else 503 naming what failed.
/// </summary>
public sealed class HealthEndpoint(HealthCheckService checks)
{
    public IResult Live() => Results.Json(new { status = "alive" }, AlertsJson.Options);

    public async Task<IResult> Ready(CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(c => c.Tags.Contains(StorageHealthCheck.Ready), cancellationToken);
        if (report.Status == HealthStatus.Healthy)
        {
            return Results.Json(new { status = "healthy", storage = report.Entries.GetValueOrDefault("storage").Description }, AlertsJson.Options);
        }

        return ApiProblems.Unavailable(string.Join(" ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}")));
    }
}
