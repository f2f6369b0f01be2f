using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Alerts.Testing;

/// <summary>
/// A real SMTP server on 127.0.0.1 (SmtpServer package, no TLS, no auth) that records what it accepts and can be told
/// to refuse the next messages at end of DATA with a chosen reply, e.g. 451 or 550. Each accepted message carries its
/// arrival time, which the benchmark reads.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer server;
    private readonly Task running;
    private readonly CancellationTokenSource stop;
    private readonly Recorder recorder;

    private SmtpTestServer(SmtpServer.SmtpServer server, int port, Task running, CancellationTokenSource stop, Recorder recorder)
    {
        this.server = server;
        Port = port;
        this.running = running;
        this.stop = stop;
        this.recorder = recorder;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Messages accepted so far, in order.</summary>
    public IReadOnlyList<ReceivedMessage> Messages => recorder.Received.ToArray();

    /// <summary>Starts a server on a port the OS picks and returns once it is listening.</summary>
    public static async Task<SmtpTestServer> StartAsync()
    {
        var recorder = new Recorder();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => listening.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)))
            .Build();
        var services = new ServiceProvider();
        services.Add(recorder);
        services.Add(listeners);

        var server = new SmtpServer.SmtpServer(options, services);
        var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);
        var first = await Task.WhenAny(listening.Task, running);
        if (first != listening.Task)
        {
            await running; // surfaces why it did not start
            throw new InvalidOperationException("SMTP test server stopped before it listened.");
        }

        return new SmtpTestServer(server, await listening.Task, running, stop, recorder);
    }

    /// <summary>Answers the end of DATA of the next <paramref name="count"/> messages with this reply instead of 250.</summary>
    public void ReplyToNext(int count, int code, string text)
    {
        for (var i = 0; i < count; i++)
        {
            recorder.Replies.Enqueue(new SmtpResponse((SmtpReplyCode)code, text));
        }
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

    /// <summary>One accepted message: the SMTP envelope, the parsed MIME and when its end of DATA arrived.</summary>
    public sealed record ReceivedMessage(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimeMessage Message, DateTimeOffset ReceivedAt);

    private sealed class Recorder : MessageStore
    {
        public ConcurrentQueue<ReceivedMessage> Received { get; } = new();

        public ConcurrentQueue<SmtpResponse> Replies { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var receivedAt = DateTimeOffset.UtcNow;
            if (Replies.TryDequeue(out var reply))
            {
                return reply;
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            Received.Enqueue(new ReceivedMessage(
                transaction.From.AsAddress(),
                transaction.To.Select(m => m.AsAddress()).ToList(),
                message,
                receivedAt));
            return SmtpResponse.Ok;
        }
    }
}
