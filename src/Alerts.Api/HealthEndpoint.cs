using Alerts.Core.Domain;
using Alerts.Core.Pipeline;
using Alerts.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>GET /api/health: 200 when table and queue storage answer within a few seconds, else 503.</summary>
public sealed class HealthEndpoint(StorageConnection storage)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<IResult> Check(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await storage.Table(TableNames.Incidents).GetAccessPoliciesAsync(timeout.Token);
            await storage.Queue(PipelineStages.ReleaseQueue).GetPropertiesAsync(timeout.Token);
            return Results.Json(new { status = "healthy", storage = storage.Description }, AlertsJson.Options);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ApiProblems.Unavailable($"Storage at {storage.Description} did not answer: {e.GetType().Name}.");
        }
    }
}
