using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Alerts.Benchmarks;

/// <summary>Arrivals of one incident's alerts: when the first and last came, and how many distinct deliveries.</summary>
internal sealed class Arrivals
{
    private readonly ConcurrentDictionary<string, byte> ids = new(StringComparer.Ordinal);
    private readonly object gate = new();

    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    public int Distinct => ids.Count;

    public int Duplicates { get; private set; }

    public void Add(string deliveryId, DateTimeOffset at)
    {
        lock (gate)
        {
            if (!ids.TryAdd(deliveryId, 0))
            {
                Duplicates++;
                return;
            }

            First = First is { } f && f < at ? f : at;
            Last = Last is { } l && l > at ? l : at;
        }
    }

    /// <summary>True once <paramref name="count"/> distinct deliveries have arrived; false at the timeout. (Arrival times are taken on receipt, so the polling here does not affect them.)</summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (ids.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }
}

/// <summary>
/// The local webhook receiver: Kestrel on loopback, answers 204, records arrival times per incident and checks every
/// Standard Webhooks signature against the subscriber's real secret.
/// </summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Arrivals> byIncident = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> keys = new(StringComparer.Ordinal);
    private long badSignatures;
    private long unknownSubscribers;

    private WebhookSink(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    public long BadSignatures => Interlocked.Read(ref badSignatures);

    public long UnknownSubscribers => Interlocked.Read(ref unknownSubscribers);

    public static async Task<WebhookSink> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxConcurrentConnections = null;
        });
        var app = builder.Build();
        var sink = new WebhookSink(app);
        app.Run(sink.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        sink.Url = new Uri(new Uri(address), "/alerts");
        return sink;
    }

    /// <summary>Tells the receiver a subscriber's signing secret (<c>whsec_</c> + base64).</summary>
    public void Trust(string subscriberId, string secret) =>
        keys[subscriberId] = Convert.FromBase64String(secret["whsec_".Length..]);

    public Arrivals For(string incidentId) => byIncident.GetOrAdd(incidentId, _ => new Arrivals());

    private async Task HandleAsync(HttpContext context)
    {
        var at = DateTimeOffset.UtcNow;
        var request = context.Request;
        var id = request.Headers["webhook-id"].ToString();
        var timestamp = request.Headers["webhook-timestamp"].ToString();
        var signature = request.Headers["webhook-signature"].ToString();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);

        // msg_{incident}_v{version}_{subscriber}
        var parts = id.Split('_');
        if (parts.Length == 4)
        {
            if (keys.TryGetValue(parts[3], out var key))
            {
                var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, (byte[])[.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body.ToArray()]));
                if (!signature.Split(' ').Contains(expected, StringComparer.Ordinal))
                {
                    Interlocked.Increment(ref badSignatures);
                }
            }
            else
            {
                Interlocked.Increment(ref unknownSubscribers);
            }

            For(parts[1]).Add(id, at);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>A local SMTP server (SmtpServer package, no TLS, no auth) that accepts everything and records arrival times.</summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer server;
    private readonly Task running;
    private readonly CancellationTokenSource stop;

    private SmtpSink(SmtpServer.SmtpServer server, Task running, CancellationTokenSource stop, Store store, int port)
    {
        this.server = server;
        this.running = running;
        this.stop = stop;
        Received = store;
        Port = port;
    }

    public int Port { get; }

    public Store Received { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var store = new Store();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => listening.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.bench")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        services.Add(listeners);
        var server = new SmtpServer.SmtpServer(options, services);
        var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);
        if (await Task.WhenAny(listening.Task, running) != listening.Task)
        {
            await running;
            throw new InvalidOperationException("The SMTP sink stopped before it listened.");
        }

        return new SmtpSink(server, running, stop, store, await listening.Task);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        server.Shutdown();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    internal sealed class Store : MessageStore
    {
        private readonly ConcurrentQueue<DateTimeOffset> times = new();

        public int Count => times.Count;

        public IReadOnlyList<DateTimeOffset> Times => times.ToArray();

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            times.Enqueue(DateTimeOffset.UtcNow);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
