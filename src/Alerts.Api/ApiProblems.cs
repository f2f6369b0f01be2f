using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>RFC 9457 problem responses, so every error says what was wrong in the same shape.</summary>
public static class ApiProblems
{
    public static IResult Unauthorized() => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Missing or unknown API key",
        detail: "Send a valid key in the X-Api-Key header.");

    public static IResult Forbidden(string role, string allowed) => Results.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Not allowed for this role",
        detail: $"A {role} key cannot do this; it needs a key with role {allowed}.");

    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors, string title = "The request has invalid fields") => Results.ValidationProblem(
        errors.ToDictionary(e => e.Key, e => e.Value),
        title: title,
        detail: $"{errors.Count} field(s) are invalid; see errors.");

    public static IResult InvalidQuery(IReadOnlyDictionary<string, string[]> errors) => Validation(errors, "The query has invalid parameters");

    public static IResult BadRequest(string title, string detail) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    public static IResult NotFound(string what) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{what} does not exist.");

    public static IResult TooLarge(int limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: $"The body may be at most {limit} bytes.");

    public static IResult UnsupportedMediaType(string? contentType, string accepted = "application/json") => Results.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported content type",
        detail: $"Send {accepted} (was '{contentType ?? "none"}').");

    public static IResult Conflict(string title, string detail) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static IResult PreconditionFailed(string detail) => Results.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed, title: "The resource changed", detail: detail);

    public static IResult Unavailable(string detail) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage is not reachable", detail: detail);

    /// <summary>503 with Retry-After: a transient condition; nothing was stored and the same request may be sent again.</summary>
    public static IResult Busy(string detail) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy: send the same request again", detail: detail).WithRetryAfter(1);
}
