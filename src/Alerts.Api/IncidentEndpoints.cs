using System.Text.Json;
using Alerts.Api.Views;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Cap;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Pipeline.Intake;
using Alerts.Core.Queries;
using Alerts.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Alerts.Api;

/// <summary>The incident routes, host-agnostic: both the Functions app and the standalone server call these.</summary>
public sealed class IncidentEndpoints(
    EndpointGate gate,
    ReportValidator validator,
    IntakeHandler intake,
    CapIntake capIntake,
    IncidentQueries incidents,
    CapQueries cap,
    IOptions<IntakeOptions> intakeOptions,
    TimeProvider time)
{
    private const string Accepted = "application/json, or application/cap+xml (or application/xml) for a CAP 1.2 alert";

    /// <summary>
    /// POST /api/incidents: a reporter submits a report, as JSON or as a CAP 1.2 alert; 202 with the incident it landed
    /// in, the same body either way.
    /// </summary>
    public Task<IResult> SubmitIncident(HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Roles.Reporters, async caller =>
        {
            var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.ToString() : null;
            if (CapNames.IsCapMediaType(mediaType))
            {
                return await SubmitCapAsync(request, caller, cancellationToken);
            }

            if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            {
                return ApiProblems.UnsupportedMediaType(request.ContentType, Accepted);
            }

            var (report, problem) = await JsonBody.ReadAsync<IncidentReport>(request, intakeOptions.Value.MaxBodyBytes, cancellationToken);
            return problem ?? await SubmitJsonAsync(report!, caller, cancellationToken);
        });

    /// <summary>
    /// GET /api/incidents/{id}: facts, status, hold, reports (with their facts, for analysts) and timeline, with an ETag; with <c>Accept:
    /// application/cap+xml</c>, the current CAP 1.2 message of a released incident (a feed key may ask this too).
    /// </summary>
    public Task<IResult> GetIncident(HttpRequest request, string id, CancellationToken cancellationToken) =>
        AcceptHeader.PrefersCap(request)
            ? gate.RunAsync(request, Roles.CapReaders, async caller => CapResults.Message(await cap.CurrentAsync(id, caller.Role == ApiRole.Feed, cancellationToken), id))
            : gate.RunAsync(request, Roles.Anyone, async caller => await incidents.FindAsync(id, cancellationToken) is { } details
                ? IncidentView.Result(details, request, withReportFacts: Roles.Analysts.Contains(caller.Role))
                : ApiProblems.NotFound($"Incident '{id}'"));

    private async Task<IResult> SubmitCapAsync(HttpRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var (document, problem) = await RequestBody.ReadAsync(request, intakeOptions.Value.MaxBodyBytes, "a CAP 1.2 alert", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        CapIntakeResult taken;
        try
        {
            taken = await capIntake.SubmitAsync(caller.Name, caller.Grading, document, cancellationToken);
        }
        catch (IntakeBusyException e)
        {
            return ApiProblems.Busy(e.Message);
        }

        return taken switch
        {
            { Result: { } result } => Accepted202(result),
            { Errors: { } errors } => ApiProblems.Validation(errors, taken.Title!),
            _ => ApiProblems.Conflict("The incident takes no more follow-ups", taken.Problem!),
        };
    }

    private async Task<IResult> SubmitJsonAsync(IncidentReport report, Caller caller, CancellationToken cancellationToken)
    {
        var validation = validator.Validate(report);
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

        return Accepted202(result);
    }

    private static IResult Accepted202(IntakeResult result)
    {
        var incident = result.Incident;
        return Results.Json(
            new IntakeResponse(incident.Id, incident.Status, incident.HoldUntil, incident.HoldReason, result.Created, result.Outcome),
            AlertsJson.Options,
            statusCode: StatusCodes.Status202Accepted)
            .WithLocation(ApiRoutes.IncidentPath(incident.Id));
    }

    /// <summary>
    /// GET /api/incidents?status=held,contested&amp;pageSize=25&amp;continuationToken=…: the analysts' board, newest first;
    /// one status or several, separated by commas (held when omitted).
    /// </summary>
    public Task<IResult> ListIncidents(HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Roles.Analysts, async _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var statusText = request.Query["status"].ToString();
            var statuses = statusText.Length == 0 ? [IncidentStatus.Held] : ParseStatuses(statusText);
            if (statuses is null)
            {
                errors["status"] = [$"must be one or more of {string.Join(", ", Enum.GetValues<IncidentStatus>().Select(s => JsonNamingPolicy.CamelCase.ConvertName(s.ToString())))}, separated by commas."];
            }

            var (pageSize, token) = QueryParameters.Page(request, errors);
            if (errors.Count > 0)
            {
                return ApiProblems.InvalidQuery(errors);
            }

            var page = await incidents.ListAsync(statuses!, pageSize, token, cancellationToken);
            var now = time.GetUtcNow();
            return Results.Json(new IncidentListView(page.Items.Select(i => IncidentSummaryView.From(i, now)).ToList(), page.ContinuationToken), AlertsJson.Options);
        });

    /// <summary>Every status named, or null if any name is not one.</summary>
    private static List<IncidentStatus>? ParseStatuses(string text)
    {
        var statuses = new List<IncidentStatus>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<IncidentStatus>(name, ignoreCase: true, out var status) || int.TryParse(name, out _))
            {
                return null;
            }

            statuses.Add(status);
        }

        return statuses;
    }
}
