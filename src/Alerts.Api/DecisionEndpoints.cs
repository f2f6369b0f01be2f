using System.Text.Json.Nodes;
using Alerts.Api.Requests;
using Alerts.Api.Views;
using Alerts.Core.Pipeline.Decisions;
using Alerts.Core.Queries;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>The analyst's decisions on an incident: confirm, extend, retract, amend (JSON merge patch with If-Match).</summary>
public sealed class DecisionEndpoints(EndpointGate gate, AnalystDecisions decisions, IncidentQueries incidents)
{
    private const int MaxBodyBytes = 32 * 1024;

    /// <summary>POST /api/incidents/{id}/confirm: release now (also from awaiting confirmation or contested). The body is optional.</summary>
    public Task<IResult> Confirm(HttpRequest request, string id, CancellationToken cancellationToken) =>
        request.ContentLength is null or 0 && string.IsNullOrEmpty(request.ContentType)
            ? gate.RunAsync(request, Roles.Analysts, caller => ConfirmAsync(request, id, caller.Name, null, cancellationToken))
            : gate.RunAsync<ConfirmRequest>(request, Roles.Analysts, MaxBodyBytes, (caller, body) => ConfirmAsync(request, id, caller.Name, body.Reason, cancellationToken), cancellationToken);

    /// <summary>POST /api/incidents/{id}/extend {until | by, reason}: hold longer; the pending release will not fire early.</summary>
    public Task<IResult> Extend(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.RunAsync<ExtendRequest>(request, Roles.Analysts, MaxBodyBytes, async (caller, body) =>
            await ResultAsync(await decisions.ExtendAsync(id, caller.Name, body.Until, body.By, body.Reason, cancellationToken), id, request, cancellationToken), cancellationToken);

    /// <summary>POST /api/incidents/{id}/retract {reason}: a held incident is never alerted; a released one is cancelled.</summary>
    public Task<IResult> Retract(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.RunAsync<RetractRequest>(request, Roles.Analysts, MaxBodyBytes, async (caller, body) =>
            await ResultAsync(await decisions.RetractAsync(id, caller.Name, body.Reason, cancellationToken), id, request, cancellationToken), cancellationToken);

    /// <summary>PATCH /api/incidents/{id}: JSON merge patch of the facts; If-Match with the incident's ETag is required.</summary>
    public Task<IResult> Amend(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        return gate.RunAsync(request, Roles.Analysts, async caller =>
        {
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
            var result = ETags.FromHttp(ifMatch) is { } expected
                ? await decisions.AmendAsync(id, caller.Name, expected, patch!, string.IsNullOrWhiteSpace(reason) ? null : reason, cancellationToken)
                : new DecisionResult(DecisionStatus.Stale, null, "If-Match does not hold an ETag this service issued; read the incident again.");
            return await ResultAsync(result, id, request, cancellationToken);
        });
    }

    private async Task<IResult> ConfirmAsync(HttpRequest request, string id, string analyst, string? reason, CancellationToken cancellationToken) =>
        await ResultAsync(await decisions.ConfirmAsync(id, analyst, reason, cancellationToken), id, request, cancellationToken);

    private async Task<IResult> ResultAsync(DecisionResult result, string id, HttpRequest request, CancellationToken cancellationToken) => result.Status switch
    {
        DecisionStatus.Done => await incidents.FindAsync(id, cancellationToken) is { } details ? IncidentView.Result(details, request, withReportFacts: true) : ApiProblems.NotFound($"Incident '{id}'"),
        DecisionStatus.NotFound => ApiProblems.NotFound($"Incident '{id}'"),
        DecisionStatus.NotAllowed => ApiProblems.Conflict("Not possible in this status", result.Problem!),
        DecisionStatus.Stale => ApiProblems.PreconditionFailed(result.Problem!),
        _ => ApiProblems.Validation(result.Errors ?? new Dictionary<string, string[]>(), "The change is not valid"),
    };
}
