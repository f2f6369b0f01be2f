using System.Text.Json;
using Alerts.Core.Domain;

namespace Alerts.Core.Queues;

/// <summary>Serializes the small messages that travel between stages (ids and versions, never whole incidents).</summary>
public static class QueueMessages
{
    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, AlertsJson.Options);

    public static T Deserialize<T>(string queueName, string body)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, AlertsJson.Options)
                ?? throw new QueueMessageFormatException(queueName, "the body is null.");
        }
        catch (JsonException e)
        {
            throw new QueueMessageFormatException(queueName, e.Message);
        }
    }
}
