using Alerts.Api;

namespace Alerts.Server;

/// <summary>Maps the shared endpoints under <c>/api</c>, the routes the Functions app exposes, and the server's shortcuts to the console.</summary>
public static class ServerRoutes
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + ApiRoutes.Prefix);
        api.MapPost(ApiRoutes.Incidents, (HttpRequest r, IncidentEndpoints e, CancellationToken ct) => e.SubmitIncident(r, ct));
        api.MapGet(ApiRoutes.Incidents, (HttpRequest r, IncidentEndpoints e, CancellationToken ct) => e.ListIncidents(r, ct));
        api.MapGet(ApiRoutes.Incident, (HttpRequest r, string id, IncidentEndpoints e, CancellationToken ct) => e.GetIncident(r, id, ct));
        api.MapPatch(ApiRoutes.Incident, (HttpRequest r, string id, DecisionEndpoints e, CancellationToken ct) => e.Amend(r, id, ct));
        api.MapPost(ApiRoutes.Confirm, (HttpRequest r, string id, DecisionEndpoints e, CancellationToken ct) => e.Confirm(r, id, ct));
        api.MapPost(ApiRoutes.Extend, (HttpRequest r, string id, DecisionEndpoints e, CancellationToken ct) => e.Extend(r, id, ct));
        api.MapPost(ApiRoutes.Retract, (HttpRequest r, string id, DecisionEndpoints e, CancellationToken ct) => e.Retract(r, id, ct));
        api.MapGet(ApiRoutes.Audience, (HttpRequest r, string id, DeliveryEndpoints e, CancellationToken ct) => e.GetAudience(r, id, ct));
        api.MapGet(ApiRoutes.Deliveries, (HttpRequest r, string id, DeliveryEndpoints e, CancellationToken ct) => e.ListDeliveries(r, id, ct));
        api.MapPost(ApiRoutes.Redeliver, (HttpRequest r, string id, string deliveryId, DeliveryEndpoints e, CancellationToken ct) => e.Redeliver(r, id, deliveryId, ct));
        api.MapPost(ApiRoutes.Subscribers, (HttpRequest r, SubscriberEndpoints e, CancellationToken ct) => e.CreateSubscriber(r, ct));
        api.MapGet(ApiRoutes.Subscribers, (HttpRequest r, SubscriberEndpoints e, CancellationToken ct) => e.ListSubscribers(r, ct));
        api.MapGet(ApiRoutes.Subscriber, (HttpRequest r, string id, SubscriberEndpoints e, CancellationToken ct) => e.GetSubscriber(r, id, ct));
        api.MapPut(ApiRoutes.Subscriber, (HttpRequest r, string id, SubscriberEndpoints e, CancellationToken ct) => e.ReplaceSubscriber(r, id, ct));
        api.MapDelete(ApiRoutes.Subscriber, (HttpRequest r, string id, SubscriberEndpoints e, CancellationToken ct) => e.DeleteSubscriber(r, id, ct));
        api.MapPost(ApiRoutes.RotateSecret, (HttpRequest r, string id, SubscriberEndpoints e, CancellationToken ct) => e.RotateSecret(r, id, ct));
        api.MapGet(ApiRoutes.Notice, (HttpRequest r, string id, string notice, CapEndpoints e, CancellationToken ct) => e.GetNotice(r, id, notice, ct));
        api.MapGet(ApiRoutes.Feed, (HttpRequest r, CapEndpoints e, CancellationToken ct) => e.GetFeed(r, ct));
        api.MapGet(ApiRoutes.SubscriberDeliveries, (HttpRequest r, string id, DeliveryEndpoints e, CancellationToken ct) => e.ListSubscriberDeliveries(r, id, ct));
        api.MapGet(ApiRoutes.Me, (HttpRequest r, CallerEndpoint e) => e.Describe(r));
        api.MapGet(ApiRoutes.Console, (HttpRequest r, string? file, ConsoleEndpoint e) => e.Serve(r, file));
        api.MapGet(ApiRoutes.Health, (HealthEndpoint e, CancellationToken ct) => e.Ready(ct));
        api.MapGet(ApiRoutes.Ready, (HealthEndpoint e, CancellationToken ct) => e.Ready(ct));
        api.MapGet(ApiRoutes.Live, (HealthEndpoint e) => e.Live());
        return app;
    }

    /// <summary>http://localhost:7071/ and /console open the console, which lives where the Functions app serves it too.</summary>
    public static IEndpointRouteBuilder MapConsoleShortcuts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect(ApiRoutes.ConsolePath));
        app.MapGet("/console", () => Results.Redirect(ApiRoutes.ConsolePath));
        return app;
    }
}
