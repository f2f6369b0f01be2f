using System.Net;
using System.Text;
using System.Text.Json;
using Alerts.Core.Pipeline.Intake;
using Alerts.Testing;

namespace Alerts.Server.Tests;

/// <summary>Small helpers over the running server's HTTP API, so scenario tests read as the scenario.</summary>
public static class ApiClient
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<JsonElement> Report(this RunningServer server, IncidentReport report, string key = RunningServer.ReporterKey)
    {
        var response = await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/incidents", key, SampleReports.Json(report)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Json();
    }

    /// <summary>POSTs a CAP document as a reporter; the response is the caller's to check.</summary>
    public static Task<HttpResponseMessage> PostCap(this RunningServer server, string document, string key = RunningServer.ReporterKey, string contentType = CapDocuments.MediaType) =>
        server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/incidents", key, document, contentType));

    /// <summary>GETs a path with an API key and an Accept header.</summary>
    public static Task<HttpResponseMessage> Get(this RunningServer server, string path, string key, string? accept = null)
    {
        var request = server.Request(HttpMethod.Get, path, key);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return server.Client.SendAsync(request);
    }

    public static async Task<(JsonElement View, string ETag)> Incident(this RunningServer server, string id)
    {
        var response = await server.Client.SendAsync(server.Request(HttpMethod.Get, $"/api/incidents/{id}", RunningServer.AnalystKey));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Json(), response.Headers.ETag!.ToString());
    }

    public static Task<JsonElement> WaitForStatus(this RunningServer server, string id, string status) =>
        Eventually.Until(async () => (await server.Incident(id)).View, v => v.GetProperty("status").GetString() == status);

    public static async Task<HttpResponseMessage> Decide(this RunningServer server, string id, string action, string json) =>
        await server.Client.SendAsync(server.Request(HttpMethod.Post, $"/api/incidents/{id}/{action}", RunningServer.AnalystKey, json));

    public static async Task<HttpResponseMessage> Amend(this RunningServer server, string id, string? etag, string patch)
    {
        var request = server.Request(HttpMethod.Patch, $"/api/incidents/{id}", RunningServer.AnalystKey);
        request.Content = new StringContent(patch, Encoding.UTF8, "application/merge-patch+json");
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await server.Client.SendAsync(request);
    }

    public static async Task<JsonElement> Subscribe(this RunningServer server, string json)
    {
        var response = await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/subscribers", RunningServer.AdminKey, json));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json();
    }

    public static async Task<List<JsonElement>> Deliveries(this RunningServer server, string incidentId)
    {
        var all = new List<JsonElement>();
        string? token = null;
        do
        {
            var path = $"/api/incidents/{incidentId}/deliveries?pageSize=100" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}");
            var page = await (await server.Client.SendAsync(server.Request(HttpMethod.Get, path, RunningServer.AnalystKey))).Json();
            all.AddRange(page.GetProperty("items").EnumerateArray());
            token = page.TryGetProperty("continuationToken", out var t) ? t.GetString() : null;
        }
        while (token is not null);
        return all;
    }

    /// <summary>The event types a receiver path got, in arrival order.</summary>
    public static List<(string Type, int Version, JsonElement Body)> Events(this WebhookReceiver receiver, string path) =>
        receiver.Requests.Where(r => r.Path == path).OrderBy(r => r.ReceivedAt)
            .Select(r => JsonDocument.Parse(r.Body).RootElement.Clone())
            .Select(b => (b.GetProperty("type").GetString()!, b.GetProperty("data").GetProperty("version").GetInt32(), b))
            .ToList();
}
