namespace Alerts.Core.Storage;

/// <summary>The queues between pipeline stages. Constants so Functions trigger attributes can use them.</summary>
public static class QueueNames
{
    public const string IncidentRelease = "incident-release";

    public const string AlertFanout = "alert-fanout";
    public const string AlertDelivery = "alert-delivery";

    public static IReadOnlyList<string> All { get; } = [IncidentRelease, AlertFanout, AlertDelivery];

    /// <summary>Where a message goes after too many failed attempts, as the Functions host names it.</summary>
    public static string PoisonOf(string queueName) => queueName + "-poison";
}
