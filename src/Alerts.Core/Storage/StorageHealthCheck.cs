using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Alerts.Core.Storage;

/// <summary>Readiness: table and queue storage answer (<see cref="StorageHealth"/>). Liveness does not depend on it.</summary>
public sealed class StorageHealthCheck(StorageHealth storage) : IHealthCheck
{
    /// <summary>The tag of checks that decide readiness.</summary>
    public const string Ready = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await storage.CheckAsync(cancellationToken) is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy(storage.Description);
}
