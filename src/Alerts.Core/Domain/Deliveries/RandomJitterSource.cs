namespace Alerts.Core.Domain.Deliveries;

/// <summary>Jitter from <see cref="Random.Shared"/>; thread-safe.</summary>
public sealed class RandomJitterSource : IJitterSource
{
    public double Next() => Random.Shared.NextDouble();
}
