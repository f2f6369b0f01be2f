using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Storage;

namespace Alerts.Core.Queries;

/// <summary>What the admin API reads about subscribers.</summary>
public sealed class SubscriberQueries(SubscriberStore subscribers)
{
    public Task<Subscriber?> FindAsync(string subscriberId, CancellationToken cancellationToken) =>
        subscribers.FindAsync(subscriberId, cancellationToken);

    /// <summary>Subscribers in id order, a page at a time.</summary>
    /// <exception cref="InvalidContinuationTokenException">The token was not one this service issued.</exception>
    public async Task<Page<Subscriber>> ListAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var (items, token) = await subscribers.ListAsync(pageSize, continuationToken, cancellationToken);
        return new Page<Subscriber>(items, token);
    }
}
