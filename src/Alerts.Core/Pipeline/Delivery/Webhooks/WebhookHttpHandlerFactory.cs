using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Pipeline.Delivery.Webhooks;

/// <summary>
/// Builds the handler under the webhook HttpClient. The address check runs in <see cref="SocketsHttpHandler.ConnectCallback"/>,
/// on the addresses actually connected to, so a DNS answer that changes after validation (rebinding) cannot bypass it.
/// </summary>
public sealed class WebhookHttpHandlerFactory(IOptions<WebhookOptions> options)
{
    public SocketsHttpHandler Create()
    {
        var settings = options.Value;
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,

            // A proxy would make the connection for us, past the address check.
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),

            // Unread response bodies are drained for connection reuse only up to this; bigger ones close the connection.
            MaxResponseDrainSize = 64 * 1024,
            MaxConnectionsPerServer = settings.MaxConnectionsPerServer,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, settings.AllowPrivateAddresses, cancellationToken),
        };
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        var host = endPoint.Host;

        // Literal IPs take the same path; .NET's Uri has already turned forms such as 2130706433 or 0x7f.1 into dotted quads.
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var allowed = allowPrivate ? addresses : addresses.Where(NetworkAddressPolicy.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new WebhookAddressRefusedException(host, addresses);
        }

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                // Try the next address, as the default handler does (localhost is ::1 and 127.0.0.1).
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}
