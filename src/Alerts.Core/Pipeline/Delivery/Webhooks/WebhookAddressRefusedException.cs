using System.Net;

namespace Alerts.Core.Pipeline.Delivery.Webhooks;

/// <summary>A webhook host resolved only to addresses that <see cref="NetworkAddressPolicy"/> does not allow.</summary>
public sealed class WebhookAddressRefusedException : Exception
{
    public WebhookAddressRefusedException(string host, IReadOnlyList<IPAddress> refused)
        : base($"Refused to connect to '{host}': not a public address ({string.Join(", ", refused)}).")
    {
        Host = host;
        Refused = refused;
    }

    public string Host { get; }

    public IReadOnlyList<IPAddress> Refused { get; }
}
