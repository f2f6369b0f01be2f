using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alerts.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 that records every request it gets and answers as the test tells it to
/// (<see cref="Respond"/>, given the request and how many times its path has been called, counting from 1).
/// Every request also passes through <see cref="Audit"/> (signatures, arrivals per incident), which the benchmark reads.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Request> requests = new();
    private readonly ConcurrentDictionary<string, int> callsByPath = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app)
    {
        this.app = app;
    }

    public int Port { get; private set; }

    /// <summary>The base URL, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>How to answer; 204 No Content unless a test says otherwise.</summary>
    public Func<Request, int, Reply> Respond { get; set; } = (_, _) => new Reply(204);

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<Request> Requests => requests.ToArray();

    /// <summary>
    /// Whether <see cref="Requests"/> keeps what arrives. The benchmark turns it off: its fan-outs send tens of
    /// thousands of webhooks, and it reads only <see cref="Audit"/>.
    /// </summary>
    public bool KeepRequests { get; set; } = true;

    /// <summary>Signature checks and arrival times per incident of the service's deliveries.</summary>
    public WebhookAudit Audit { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();

        // Port 0 asked the OS for a free port; the server knows which one it got.
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.Port = new Uri(address).Port;
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrivedAt = DateTimeOffset.UtcNow;
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var request = new Request(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray(),
            arrivedAt);
        if (KeepRequests)
        {
            requests.Enqueue(request);
        }

        Audit.Record(request);
        var call = callsByPath.AddOrUpdate(context.Request.Path.Value ?? "/", 1, (_, n) => n + 1);

        var reply = Respond(request, call);
        if (reply.Delay is { } delay)
        {
            // Ends early when the client gives up or the receiver stops.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(
                context.RequestAborted, app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            try
            {
                await Task.Delay(delay, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Body is not null)
        {
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        }
    }

    /// <summary>One request as it arrived (<see cref="ReceivedAt"/>: before its body was read); <see cref="Headers"/> is case-insensitive.</summary>
    public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset ReceivedAt);

    /// <summary>An answer: status, headers, optional text body, optionally after a delay.</summary>
    public sealed record Reply(int Status, IDictionary<string, string>? Headers = null, string? Body = null, TimeSpan? Delay = null);
}
