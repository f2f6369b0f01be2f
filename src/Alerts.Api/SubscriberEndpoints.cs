using Alerts.Api.Views;
using Alerts.Core.Admin;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Queries;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>The subscriber routes (admin only), host-agnostic.</summary>
public sealed class SubscriberEndpoints(EndpointGate gate, SubscriberQueries subscribers, SubscriberRegistry registry, TimeProvider time)
{
    private const int MaxBodyBytes = 16 * 1024;

    /// <summary>POST /api/subscribers → 201; a webhook subscriber's signing secret is in the body, this once.</summary>
    public Task<IResult> CreateSubscriber(HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync<SubscriberRequest>(request, Roles.Admins, MaxBodyBytes, (_, body) => WithDraftAsync(body, async draft =>
        {
            var created = await registry.CreateAsync(draft, cancellationToken);
            return Results.Json(SubscriberView.From(created.Subscriber!, created.Secret), AlertsJson.Options, statusCode: StatusCodes.Status201Created)
                .WithLocation(ApiRoutes.SubscriberPath(created.Subscriber!.Id));
        }), cancellationToken);

    /// <summary>GET /api/subscribers?pageSize=&amp;continuationToken=</summary>
    public Task<IResult> ListSubscribers(HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Roles.Admins, async _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var (pageSize, token) = QueryParameters.Page(request, errors);
            if (errors.Count > 0)
            {
                return ApiProblems.InvalidQuery(errors);
            }

            var page = await subscribers.ListAsync(pageSize, token, cancellationToken);
            var now = time.GetUtcNow();
            return Results.Json(new PageView<SubscriberView>(page.Items.Select(s => SubscriberView.From(s, now: now)).ToList(), page.ContinuationToken), AlertsJson.Options);
        });

    public Task<IResult> GetSubscriber(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Roles.Admins, async _ => await subscribers.FindAsync(id, cancellationToken) is { } subscriber
            ? Results.Json(SubscriberView.From(subscriber, now: time.GetUtcNow()), AlertsJson.Options)
            : ApiProblems.NotFound($"Subscriber '{id}'"));

    /// <summary>PUT /api/subscribers/{id}: replace name, url/email, filters and enabled. The channel cannot change.</summary>
    public Task<IResult> ReplaceSubscriber(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.RunAsync<SubscriberRequest>(request, Roles.Admins, MaxBodyBytes, (_, body) => WithDraftAsync(body, async draft =>
            Result(await registry.ReplaceAsync(id, draft, cancellationToken), id)), cancellationToken);

    public Task<IResult> DeleteSubscriber(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Roles.Admins, async _ => await registry.DeleteAsync(id, cancellationToken)
            ? Results.NoContent()
            : ApiProblems.NotFound($"Subscriber '{id}'"));

    /// <summary>POST /api/subscribers/{id}/rotate-secret: a new secret, shown once; the old one signs alongside it for the grace period.</summary>
    public Task<IResult> RotateSecret(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Roles.Admins, async _ => Result(await registry.RotateSecretAsync(id, cancellationToken), id));

    private static async Task<IResult> WithDraftAsync(SubscriberRequest body, Func<SubscriberDraft, Task<IResult>> endpoint)
    {
        var (draft, errors) = SubscriberRequestValidator.Validate(body);
        return draft is null ? ApiProblems.Validation(errors, "The subscriber has invalid fields") : await endpoint(draft);
    }

    private IResult Result(SubscriberChange change, string id) => change.Status switch
    {
        SubscriberChangeStatus.Done => Results.Json(SubscriberView.From(change.Subscriber!, change.Secret, time.GetUtcNow()), AlertsJson.Options),
        SubscriberChangeStatus.NotFound => ApiProblems.NotFound($"Subscriber '{id}'"),
        SubscriberChangeStatus.Invalid => ApiProblems.Validation(change.Errors!),
        SubscriberChangeStatus.NotAllowed => ApiProblems.Conflict("No secret to rotate", change.Problem!),
        _ => ApiProblems.Conflict("Concurrent change", change.Problem!),
    };
}
