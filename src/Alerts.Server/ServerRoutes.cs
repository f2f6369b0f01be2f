using Alerts.Api;

namespace Alerts.Server;

/// <summary>Maps the shared endpoints under <c>/api</c>, the routes the Functions app exposes.</summary>
public static class ServerRoutes
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + ApiRoutes.Prefix);
        api.MapPost(ApiRoutes.Incidents, (HttpRequest r, IncidentEndpoints e, CancellationToken ct) => e.SubmitIncident(r, ct));
        api.MapGet(ApiRoutes.Incidents, (HttpRequest r, IncidentEndpoints e, CancellationToken ct) => e.ListIncidents(r, ct));
        api.MapGet(ApiRoutes.Incident, (HttpRequest r, string id, IncidentEndpoints e, CancellationToken ct) => e.GetIncident(r, id, ct));
        api.MapGet(ApiRoutes.Health, (HealthEndpoint e, CancellationToken ct) => e.Check(ct));
        return app;
    }
}
