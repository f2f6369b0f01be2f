using System.Text.Json;
using Alerts.Api.Views;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Alerts.Api;

/// <summary>The incident routes, host-agnostic: both the Functions app and the standalone server call these.</summary>
public sealed class IncidentEndpoints(
    CallerGate gate,
    ReportValidator validator,
    IntakeHandler intake,
    IncidentStore store,
    DeliveryStore deliveries,
    IOptions<IntakeOptions> intakeOptions,
    TimeProvider time)
{
    /// <summary>POST /api/incidents: a reporter submits a report; 202 with the incident it landed in.</summary>
    public async Task<IResult> SubmitIncident(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!gate.TryAuthorize(request, Roles.Reporters, out var caller, out var denied))
        {
            return denied;
        }

        var (report, problem) = await JsonBody.ReadAsync<IncidentReport>(request, intakeOptions.Value.MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var validation = validator.Validate(report!);
        if (!validation.IsValid)
        {
            return ApiProblems.Validation(validation.Errors, "The report has invalid fields");
        }

        IntakeResult result;
        try
        {
            result = await intake.SubmitAsync(caller.Name, validation.Report!, cancellationToken, caller.Grading);
        }
        catch (IntakeBusyException e)
        {
            return ApiProblems.Busy(e.Message);
        }

        var incident = result.Incident;
        return Results.Json(
            new IntakeResponse(incident.Id, incident.Status, incident.HoldUntil, incident.HoldReason, result.Created, result.Outcome),
            AlertsJson.Options,
            statusCode: StatusCodes.Status202Accepted)
            .WithLocation(ApiRoutes.IncidentPath(incident.Id));
    }

    /// <summary>GET /api/incidents/{id}: facts, status, hold, reports and timeline, with an ETag.</summary>
    public async Task<IResult> GetIncident(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!gate.TryAuthorize(request, Roles.Anyone, out _, out var denied))
        {
            return denied;
        }

        var record = IncidentId.IsWellFormed(id) ? await store.LoadAsync(id, cancellationToken) : null;
        if (record is null)
        {
            return ApiProblems.NotFound($"Incident '{id}'");
        }

        var counts = await deliveries.CountAsync(id, cancellationToken);
        request.HttpContext.Response.Headers.ETag = ETags.ToHttp(record.Incident.ContentTag);
        return Results.Json(IncidentView.From(record, counts), AlertsJson.Options);
    }

    /// <summary>GET /api/incidents?status=held&amp;pageSize=25&amp;continuationToken=…: the analysts' board, newest first.</summary>
    public async Task<IResult> ListIncidents(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!gate.TryAuthorize(request, Roles.Analysts, out _, out var denied))
        {
            return denied;
        }

        var errors = new Dictionary<string, string[]>();
        var statusText = request.Query["status"].ToString();
        IncidentStatus status = IncidentStatus.Held;
        if (statusText.Length > 0 && !TryParseStatus(statusText, out status))
        {
            errors["status"] = [$"must be one of {string.Join(", ", Enum.GetValues<IncidentStatus>().Select(s => JsonNamingPolicy.CamelCase.ConvertName(s.ToString())))}."];
        }

        QueryParameters.TryPageSize(request, errors, out var pageSize);

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors, "The query has invalid parameters");
        }

        IncidentPage page;
        try
        {
            page = await store.ListAsync(status, pageSize, QueryParameters.ContinuationToken(request), cancellationToken);
        }
        catch (InvalidContinuationTokenException e)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["continuationToken"] = [e.Message] }, "The query has invalid parameters");
        }

        var now = time.GetUtcNow();
        return Results.Json(new IncidentListView(page.Items.Select(i => IncidentSummaryView.From(i, now)).ToList(), page.ContinuationToken), AlertsJson.Options);
    }

    private static bool TryParseStatus(string text, out IncidentStatus status) =>
        Enum.TryParse(text, ignoreCase: true, out status) && !int.TryParse(text, out _);
}
