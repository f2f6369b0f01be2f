using Alerts.Core.Storage;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Alerts.Core.Queues;

/// <summary>
/// One queue of the pipeline, its poison queue, and the policy every send to it follows. Hosts receive from
/// <see cref="Client"/>; stages send typed messages through <see cref="StageQueue{TMessage}"/>, which comes here.
/// </summary>
public sealed class PipelineQueue(string name, QueuePolicy policy, StorageConnection storage)
{
    public string Name => name;

    /// <summary>Where a message goes after too many failed attempts, named as the Functions host names it.</summary>
    public string PoisonName => PoisonOf(name);

    public QueuePolicy Policy => policy;

    public QueueClient Client => storage.Queue(name);

    public static string PoisonOf(string queueName) => queueName + "-poison";

    /// <summary>Sends a serialized message, visible after <paramref name="delay"/> as the policy allows; the receipt says when it shows and expires.</summary>
    public async Task<SendReceipt> SendAsync(string body, TimeSpan delay, CancellationToken cancellationToken) =>
        (await Client.SendMessageAsync(body, visibilityTimeout: policy.VisibilityFor(delay), timeToLive: policy.ServiceTimeToLive, cancellationToken: cancellationToken)).Value;

    /// <summary>Moves a message that kept failing to the poison queue, with the service's default time-to-live, as the Functions host does.</summary>
    public async Task MoveToPoisonAsync(string body, CancellationToken cancellationToken) =>
        await storage.Queue(PoisonName).SendMessageAsync(body, cancellationToken);
}
