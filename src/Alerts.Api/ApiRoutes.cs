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

    public static string IncidentPath(string id) => $"/{Prefix}/incidents/{Uri.EscapeDataString(id)}";
}
