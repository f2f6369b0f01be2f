using System.Text.Json;
using Alerts.Core.Domain;
using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Pipeline.Delivery.Webhooks;

/// <summary>
/// The webhook body for a notice, in the Standard Webhooks envelope:
/// <c>{"type", "timestamp", "data": {"incidentId", "version", "references"?, "exercise"?, "facts", "links": {"incident"}}}</c>.
/// <c>exercise</c> is present (true) only for exercises, so no receiver can mistake one for the real thing.
/// </summary>
public static class WebhookPayload
{
    /// <summary>UTF-8 JSON bytes; these exact bytes are signed and sent.</summary>
    public static byte[] Serialize(AlertNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var envelope = new Envelope(
            notice.Type,
            notice.IssuedAt,
            new Data(notice.IncidentId, notice.Version, notice.References, notice.Facts.Exercise ? true : null, notice.Facts, new Links(notice.IncidentUrl)));
        return JsonSerializer.SerializeToUtf8Bytes(envelope, AlertsJson.Options);
    }

    private sealed record Envelope(string Type, DateTimeOffset Timestamp, Data Data);

    // References is omitted when null by AlertsJson's WhenWritingNull.
    private sealed record Data(string IncidentId, int Version, int? References, bool? Exercise, IncidentFacts Facts, Links Links);

    private sealed record Links(string Incident);
}
