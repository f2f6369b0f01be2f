using System.Collections.Concurrent;
using Alerts.Core.Domain.Deliveries;

namespace Alerts.Testing;

/// <summary>
/// What the service's webhooks looked like on arrival: each one whose webhook-id is a delivery id
/// (<c>msg_{incident}_n{notice}_{subscriber}</c>) is checked against its subscriber's secret, once
/// <see cref="Trust"/> has named it, and filed under its incident with its arrival time.
/// </summary>
public sealed class WebhookAudit
{
    private readonly ConcurrentDictionary<string, IncidentArrivals> byIncident = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> keys = new(StringComparer.Ordinal);
    private long badSignatures;
    private long unknownSubscribers;

    /// <summary>Deliveries to a trusted subscriber that no signature of theirs verifies.</summary>
    public long BadSignatures => Interlocked.Read(ref badSignatures);

    /// <summary>Deliveries to a subscriber never passed to <see cref="Trust"/>.</summary>
    public long UnknownSubscribers => Interlocked.Read(ref unknownSubscribers);

    /// <summary>Tells the audit a subscriber's signing secret (<c>whsec_</c> + base64).</summary>
    public void Trust(string subscriberId, string secret) => keys[subscriberId] = WebhookSignature.KeyOf(secret);

    public IncidentArrivals ArrivalsOf(string incidentId) => byIncident.GetOrAdd(incidentId, _ => new IncidentArrivals());

    internal void Record(WebhookReceiver.Request request)
    {
        if (!request.Headers.TryGetValue("webhook-id", out var id) || !DeliveryKey.TryParse(id, out var delivery))
        {
            return;
        }

        if (!keys.TryGetValue(delivery.SubscriberId, out var key))
        {
            Interlocked.Increment(ref unknownSubscribers);
        }
        else if (!WebhookSignature.Verifies(request, key))
        {
            Interlocked.Increment(ref badSignatures);
        }

        ArrivalsOf(delivery.IncidentId).Add(id, request.ReceivedAt);
    }
}
