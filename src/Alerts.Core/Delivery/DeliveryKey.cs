


namespace Alerts.Core.Delivery;

/// <summary>
/// Identifies one delivery: (incident, version, subscriber). Its <see cref="Id"/> is the webhook-id, stable across
/// retries; its table home is partition <c>{incident}|{version}|{shard}</c>, row <c>{subscriber}</c>.
/// </summary>
public sealed record DeliveryKey(string IncidentId, int Version, string SubscriberId)
{
    public string Id => $"msg_{IncidentId}_v{Version}_{SubscriberId}";

    public string PartitionKey => PartitionFor(IncidentId, Version, Subscribers.SubscriberId.ShardOf(SubscriberId));

    public static string PartitionFor(string incidentId, int version, string shard) => $"{incidentId}|{version:D6}|{shard}";

    /// <summary>Every delivery partition of an incident lies in [from, to).</summary>
    public static (string From, string To) IncidentRange(string incidentId) => ($"{incidentId}|", $"{incidentId}}}");

    public static bool TryParse(string id, out DeliveryKey key)
    {
        key = null!;
        var parts = id.Split('_');
        if (parts.Length != 4 || parts[0] != "msg" || !Incidents.IncidentId.IsWellFormed(parts[1]) || !parts[2].StartsWith('v') ||
            !int.TryParse(parts[2].AsSpan(1), out var version) || version < 1 || !Subscribers.SubscriberId.IsWellFormed(parts[3]))
        {
            return false;
        }

        key = new DeliveryKey(parts[1], version, parts[3]);
        return true;
    }
}
