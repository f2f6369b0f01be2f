namespace Alerts.Core.Domain.Deliveries;

/// <summary>
/// Identifies one delivery: (incident, notice, subscriber), where a notice is one issued message of the incident
/// (the alert, each update, the cancellation, an analysts' review). Its <see cref="Id"/> is the webhook-id, stable
/// across retries; its table home is partition <c>{incident}|{notice}|{shard}</c>, row <c>{subscriber}</c>.
/// </summary>
public sealed record DeliveryKey(string IncidentId, int Notice, string SubscriberId)
{
    public string Id => $"msg_{IncidentId}_n{Notice}_{SubscriberId}";

    public string PartitionKey => PartitionFor(IncidentId, Notice, Subscribers.SubscriberId.ShardOf(SubscriberId));

    public static string PartitionFor(string incidentId, int notice, string shard) => $"{incidentId}|{notice:D6}|{shard}";

    /// <summary>Every delivery partition of an incident lies in [from, to).</summary>
    public static (string From, string To) IncidentRange(string incidentId) => ($"{incidentId}|", $"{incidentId}}}");

    public static bool TryParse(string id, out DeliveryKey key)
    {
        key = null!;
        var parts = id.Split('_');
        if (parts.Length != 4 || parts[0] != "msg" || !Incidents.IncidentId.IsWellFormed(parts[1]) || !parts[2].StartsWith('n') ||
            !int.TryParse(parts[2].AsSpan(1), out var notice) || notice < 1 || !Subscribers.SubscriberId.IsWellFormed(parts[3]))
        {
            return false;
        }

        key = new DeliveryKey(parts[1], notice, parts[3]);
        return true;
    }
}
