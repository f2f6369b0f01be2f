using Alerts.Api.Views;
using Alerts.Core.Admin;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>The subscriber routes (admin only), host-agnostic.</summary>
public sealed class SubscriberEndpoints(CallerGate gate, SubscriberStore store, SubscriberRegistry registry, TimeProvider time)
{
    private const int MaxBodyBytes = 16 * 1024;

    /// <summary>POST /api/subscribers → 201; a webhook subscriber's signing secret is in the body, this once.</summary>
    public async Task<IResult> CreateSubscriber(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!gate.TryAuthorize(request, Roles.Admins, out _, out var denied))
        {
            return denied;
        }

        var (draft, problem) = await ReadDraftAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var subscriber = await registry.CreateAsync(draft!, cancellationToken);
        return Results.Json(SubscriberView.From(subscriber, subscriber.Secrets.Count > 0 ? subscriber.Secrets[0].Secret : null), AlertsJson.Options, statusCode: StatusCodes.Status201Created)
            .WithLocation(ApiRoutes.SubscriberPath(subscriber.Id));
    }

    /// <summary>GET /api/subscribers?pageSize=&amp;continuationToken=</summary>
    public async Task<IResult> ListSubscribers(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!gate.TryAuthorize(request, Roles.Admins, out _, out var denied))
        {
            return denied;
        }

        var errors = new Dictionary<string, string[]>();
        if (!QueryParameters.TryPageSize(request, errors, out var pageSize))
        {
            return ApiProblems.Validation(errors, "The query has invalid parameters");
        }

        try
        {
            var (items, token) = await store.ListAsync(pageSize, QueryParameters.ContinuationToken(request), cancellationToken);
            var now = time.GetUtcNow();
            return Results.Json(new PageView<SubscriberView>(items.Select(s => SubscriberView.From(s, now: now)).ToList(), token), AlertsJson.Options);
        }
        catch (InvalidContinuationTokenException e)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["continuationToken"] = [e.Message] }, "The query has invalid parameters");
        }
    }

    public async Task<IResult> GetSubscriber(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!gate.TryAuthorize(request, Roles.Admins, out _, out var denied))
        {
            return denied;
        }

        var subscriber = await store.FindAsync(id, cancellationToken);
        return subscriber is null
            ? ApiProblems.NotFound($"Subscriber '{id}'")
            : Results.Json(SubscriberView.From(subscriber, now: time.GetUtcNow()), AlertsJson.Options);
    }

    /// <summary>PUT /api/subscribers/{id}: replace name, url/email, filters and enabled. The channel cannot change.</summary>
    public async Task<IResult> ReplaceSubscriber(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!gate.TryAuthorize(request, Roles.Admins, out _, out var denied))
        {
            return denied;
        }

        var current = await store.FindAsync(id, cancellationToken);
        if (current is null)
        {
            return ApiProblems.NotFound($"Subscriber '{id}'");
        }

        var (draft, problem) = await ReadDraftAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (draft!.Channel != current.Channel)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["channel"] = ["cannot change; create a new subscriber instead."] });
        }

        var replaced = await registry.ReplaceAsync(current, draft, cancellationToken);
        return replaced is null
            ? ApiProblems.Conflict("Concurrent change", "The subscriber changed or was deleted while this request ran; read it again and retry.")
            : Results.Json(SubscriberView.From(replaced, now: time.GetUtcNow()), AlertsJson.Options);
    }

    public async Task<IResult> DeleteSubscriber(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!gate.TryAuthorize(request, Roles.Admins, out _, out var denied))
        {
            return denied;
        }

        return SubscriberId.IsWellFormed(id) && await store.DeleteAsync(id, cancellationToken)
            ? Results.NoContent()
            : ApiProblems.NotFound($"Subscriber '{id}'");
    }

    /// <summary>POST /api/subscribers/{id}/rotate-secret: a new secret, shown once; the old one signs alongside it for the grace period.</summary>
    public async Task<IResult> RotateSecret(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!gate.TryAuthorize(request, Roles.Admins, out _, out var denied))
        {
            return denied;
        }

        var current = await store.FindAsync(id, cancellationToken);
        if (current is null)
        {
            return ApiProblems.NotFound($"Subscriber '{id}'");
        }

        if (current.Channel != SubscriberChannel.Webhook)
        {
            return ApiProblems.Conflict("No secret to rotate", "Only webhook subscribers have signing secrets.");
        }

        var rotated = await registry.RotateSecretAsync(current, cancellationToken);
        return rotated is not { } r
            ? ApiProblems.Conflict("Concurrent change", "The subscriber changed while this request ran; retry.")
            : Results.Json(SubscriberView.From(r.Subscriber, r.Secret, time.GetUtcNow()), AlertsJson.Options);
    }

    private static async Task<(SubscriberDraft? Draft, IResult? Problem)> ReadDraftAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<SubscriberRequest>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        var (draft, errors) = SubscriberRequestValidator.Validate(body!);
        return draft is null ? (null, ApiProblems.Validation(errors, "The subscriber has invalid fields")) : (draft, null);
    }
}
