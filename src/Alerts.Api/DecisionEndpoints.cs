using System.Text.Json.Nodes;
using Alerts.Api.Requests;
using Alerts.Api.Views;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Decisions;
using Alerts.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>The analyst's decisions on an incident: confirm, extend, retract, amend (JSON merge patch with If-Match).</summary>
public sealed class DecisionEndpoints(CallerGate gate, AnalystDecisions decisions, IncidentStore incidents, DeliveryStore deliveries)
{
    private const int MaxBodyBytes = 32 * 1024;

    /// <summary>POST /api/incidents/{id}/confirm: release now (also from awaiting confirmation or contested).</summary>
    public async Task<IResult> Confirm(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!gate.TryAuthorize(request, Roles.Analysts, out var caller, out var denied))
        {
            return denied;
        }

        var (body, problem) = await OptionalBodyAsync<ConfirmRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return await ResultAsync(IncidentId.IsWellFormed(id) ? await decisions.ConfirmAsync(id, caller.Name, body?.Reason, cancellationToken) : DecisionResult.NotFound, id, request, cancellationToken);
    }

    /// <summary>POST /api/incidents/{id}/extend {until | by, reason}: hold longer; the pending release will not fire early.</summary>
    public async Task<IResult> Extend(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!gate.TryAuthorize(request, Roles.Analysts, out var caller, out var denied))
        {
            return denied;
        }

        var (body, problem) = await JsonBody.ReadAsync<ExtendRequest>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return await ResultAsync(IncidentId.IsWellFormed(id) ? await decisions.ExtendAsync(id, caller.Name, body!.Until, body.By, body.Reason, cancellationToken) : DecisionResult.NotFound, id, request, cancellationToken);
    }

    /// <summary>POST /api/incidents/{id}/retract {reason}: a held incident is never alerted; a released one is cancelled.</summary>
    public async Task<IResult> Retract(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!gate.TryAuthorize(request, Roles.Analysts, out var caller, out var denied))
        {
            return denied;
        }

        var (body, problem) = await JsonBody.ReadAsync<RetractRequest>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return await ResultAsync(IncidentId.IsWellFormed(id) ? await decisions.RetractAsync(id, caller.Name, body!.Reason, cancellationToken) : DecisionResult.NotFound, id, request, cancellationToken);
    }

    /// <summary>PATCH /api/incidents/{id}: JSON merge patch of the facts; If-Match with the incident's ETag is required.</summary>
    public async Task<IResult> Amend(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!gate.TryAuthorize(request, Roles.Analysts, out var caller, out var denied))
        {
            return denied;
        }

        var ifMatch = request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "If-Match required",
                detail: "Send the incident's ETag (from GET /api/incidents/{id}) in If-Match, so your change cannot overwrite one you have not seen.");
        }

        var (patch, problem) = await JsonBody.ReadAsync<JsonNode>(request, MaxBodyBytes, cancellationToken, "application/merge-patch+json");
        if (problem is not null)
        {
            return problem;
        }

        var reason = request.Query["reason"].ToString();
        if (!IncidentId.IsWellFormed(id))
        {
            return ApiProblems.NotFound($"Incident '{id}'");
        }

        var expected = ETags.FromHttp(ifMatch);
        var result = expected is null
            ? new DecisionResult(DecisionStatus.Stale, null, "If-Match does not hold an ETag this service issued; read the incident again.")
            : await decisions.AmendAsync(id, caller.Name, expected, patch!, string.IsNullOrWhiteSpace(reason) ? null : reason, cancellationToken);
        return await ResultAsync(result, id, request, cancellationToken);
    }

    private async Task<IResult> ResultAsync(DecisionResult result, string id, HttpRequest request, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case DecisionStatus.Done:
                var record = await incidents.LoadAsync(id, cancellationToken);
                if (record is null)
                {
                    return ApiProblems.NotFound($"Incident '{id}'");
                }

                request.HttpContext.Response.Headers.ETag = ETags.ToHttp(record.Incident.ContentTag);
                return Results.Json(IncidentView.From(record, await deliveries.CountAsync(id, cancellationToken)), AlertsJson.Options);
            case DecisionStatus.NotFound:
                return ApiProblems.NotFound($"Incident '{id}'");
            case DecisionStatus.NotAllowed:
                return ApiProblems.Conflict("Not possible in this status", result.Problem!);
            case DecisionStatus.Stale:
                return ApiProblems.PreconditionFailed(result.Problem!);
            default:
                return ApiProblems.Validation(result.Errors ?? new Dictionary<string, string[]>(), "The change is not valid");
        }
    }

    private static async Task<(T? Value, IResult? Problem)> OptionalBodyAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class =>
        request.ContentLength is null or 0 && string.IsNullOrEmpty(request.ContentType)
            ? (null, null)
            : await JsonBody.ReadAsync<T>(request, MaxBodyBytes, cancellationToken);
}
