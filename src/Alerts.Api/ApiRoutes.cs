namespace Alerts.Api;

/// <summary>
/// Route templates below <c>/api</c>, shared by the Functions triggers (which add the prefix themselves)
/// and the standalone server (which maps them under <see cref="Prefix"/>).
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";
    public const string Incidents = "incidents";
    public const string Incident = "incidents/{id}";
    public const string Health = "health";
    public const string Live = "health/live";
    public const string Ready = "health/ready";
    public const string Confirm = "incidents/{id}/confirm";
    public const string Extend = "incidents/{id}/extend";
    public const string Retract = "incidents/{id}/retract";
    public const string Deliveries = "incidents/{id}/deliveries";
    public const string Redeliver = "incidents/{id}/deliveries/{deliveryId}/redeliver";
    public const string Subscribers = "subscribers";
    public const string Subscriber = "subscribers/{id}";
    public const string RotateSecret = "subscribers/{id}/rotate-secret";
    public const string Notice = "incidents/{id}/notices/{notice}";
    public const string Feed = "feed";
    public const string SubscriberDeliveries = "subscribers/{id}/deliveries";
    public const string Audience = "incidents/{id}/audience";
    public const string Me = "me";

    /// <summary>The console's files (anonymous); <see cref="ConsolePath"/> is where a browser opens it.</summary>
    public const string Console = "console/{file?}";
    public const string ConsolePath = "/" + Prefix + "/console/";

    public static string IncidentPath(string id) => $"/{Prefix}/incidents/{Uri.EscapeDataString(id)}";

    public static string SubscriberPath(string id) => $"/{Prefix}/subscribers/{Uri.EscapeDataString(id)}";
}
