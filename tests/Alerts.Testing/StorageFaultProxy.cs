using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Alerts.Testing;

/// <summary>
/// An HTTP proxy between the service and Azurite that fails a chosen share of requests before they reach storage or
/// after (response lost), adds latency, resets connections, or stalls — per operation, as <see cref="Rules"/> say. Point
/// the service at <see cref="ConnectionString"/>; read the storage directly (around the proxy) with the account's own.
/// </summary>
public sealed class StorageFaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection", "Host",
    };

    private readonly WebApplication app;
    private readonly HttpClient upstream = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly Random random;
    private readonly ConcurrentDictionary<StorageFault, int> injected = new();
    private readonly object gate = new();

    private StorageFaultProxy(WebApplication app, string accountConnectionString, int seed)
    {
        this.app = app;
        AccountConnectionString = accountConnectionString;
        random = new Random(seed);
    }

    /// <summary>The rules in force, tried in order (each draws its own chance); change them at any time.</summary>
    public IReadOnlyList<StorageFaultRule> Rules { get; set; } = [];

    /// <summary>The account's own connection string, straight to Azurite.</summary>
    public string AccountConnectionString { get; }

    /// <summary>The same account, through the proxy.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>How many requests each kind of fault was done to so far.</summary>
    public IReadOnlyDictionary<StorageFault, int> Injected => injected;

    public static Task<StorageFaultProxy> StartAsync(StorageAccount account, int seed = 42) => StartAsync(account.ConnectionString, seed);

    /// <summary>A proxy for the services a connection string names (<c>BlobEndpoint</c>, <c>QueueEndpoint</c>, <c>TableEndpoint</c> on loopback).</summary>
    public static async Task<StorageFaultProxy> StartAsync(string connectionString, int seed = 42)
    {
        var upstream = new Dictionary<StorageService, Uri>();
        foreach (var (service, key) in new[] { (StorageService.Blob, "BlobEndpoint="), (StorageService.Queue, "QueueEndpoint="), (StorageService.Table, "TableEndpoint=") })
        {
            var part = connectionString.Split(';').FirstOrDefault(p => p.StartsWith(key, StringComparison.Ordinal));
            if (part is not null)
            {
                upstream[service] = new Uri(part[key.Length..]);
            }
        }

        var ports = upstream.Keys.ToDictionary(s => s, _ => FreePort.Next());
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            foreach (var port in ports.Values)
            {
                k.Listen(IPAddress.Loopback, port);
            }

            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var proxy = new StorageFaultProxy(app, connectionString, seed) { Ports = ports, Upstream = upstream };
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        proxy.ConnectionString = upstream.Aggregate(connectionString, (cs, u) => cs.Replace($":{u.Value.Port}/", $":{ports[u.Key]}/", StringComparison.Ordinal));
        return proxy;
    }

    private Dictionary<StorageService, Uri> Upstream { get; init; } = [];

    private Dictionary<StorageService, int> Ports { get; init; } = [];

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var service = Ports.Single(p => p.Value == context.Connection.LocalPort).Key;
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var path = context.Request.Path + context.Request.QueryString;
        var request = new StorageRequest(service, context.Request.Method, path.ToString(), Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length));
        var rule = Pick(request);
        if (rule is not null)
        {
            injected.AddOrUpdate(rule.Fault, 1, (_, n) => n + 1);
        }

        switch (rule?.Fault)
        {
            case StorageFault.FailBefore:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            case StorageFault.Reset:
                context.Abort();
                return;
            case StorageFault.Stall:
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case StorageFault.Latency:
                await Task.Delay(rule.Delay, context.RequestAborted);
                break;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri($"http://{Upstream[service].Authority}{path}"));
        forward.Content = new ByteArrayContent(body.ToArray());
        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!forward.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                forward.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await upstream.SendAsync(forward, HttpCompletionOption.ResponseContentRead, context.RequestAborted);
        var answer = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        switch (rule?.Fault)
        {
            case StorageFault.FailAfter:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            case StorageFault.ResetAfter:
                context.Abort();
                return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        context.Response.Headers.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer, context.RequestAborted);
    }

    private StorageFaultRule? Pick(StorageRequest request)
    {
        foreach (var rule in Rules)
        {
            if (rule.Applies(request))
            {
                lock (gate)
                {
                    if (random.NextDouble() < rule.Share)
                    {
                        return rule;
                    }
                }
            }
        }

        return null;
    }
}
