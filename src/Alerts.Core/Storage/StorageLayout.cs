namespace Alerts.Core.Storage;

/// <summary>The tables and queues (poison queues included) the service needs; <see cref="StorageInitializer"/> creates them.</summary>
public sealed record StorageLayout(IReadOnlyList<string> Tables, IReadOnlyList<string> Queues);
