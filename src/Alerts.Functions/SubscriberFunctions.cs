using Alerts.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions;

/// <summary>HTTP triggers for subscriber management: bind, call the shared endpoint, return its result.</summary>
public sealed class SubscriberFunctions(SubscriberEndpoints endpoints, DeliveryEndpoints deliveries)
{
    [Function(nameof(CreateSubscriber))]
    public async Task<IActionResult> CreateSubscriber(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Subscribers)] HttpRequest request, CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoints.CreateSubscriber(request, cancellationToken));

    [Function(nameof(ListSubscribers))]
    public async Task<IActionResult> ListSubscribers(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Subscribers)] HttpRequest request, CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoints.ListSubscribers(request, cancellationToken));

    [Function(nameof(GetSubscriber))]
    public async Task<IActionResult> GetSubscriber(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Subscriber)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoints.GetSubscriber(request, id, cancellationToken));

    [Function(nameof(ReplaceSubscriber))]
    public async Task<IActionResult> ReplaceSubscriber(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Subscriber)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoints.ReplaceSubscriber(request, id, cancellationToken));

    [Function(nameof(DeleteSubscriber))]
    public async Task<IActionResult> DeleteSubscriber(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.Subscriber)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoints.DeleteSubscriber(request, id, cancellationToken));

    [Function(nameof(RotateSubscriberSecret))]
    public async Task<IActionResult> RotateSubscriberSecret(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.RotateSecret)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await endpoints.RotateSecret(request, id, cancellationToken));

    [Function(nameof(ListSubscriberDeliveries))]
    public async Task<IActionResult> ListSubscriberDeliveries(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.SubscriberDeliveries)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        new ResultActionResult(await deliveries.ListSubscriberDeliveries(request, id, cancellationToken));
}
