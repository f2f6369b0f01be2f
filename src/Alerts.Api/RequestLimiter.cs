using System.Threading.RateLimiting;
using Alerts.Core.Security;
using Microsoft.Extensions.Options;

namespace Alerts.Api;

/// <summary>
/// The per-key rate limits (<see cref="RateLimitOptions"/>), the same in both hosts: a token bucket per caller, sized by
/// its role, and one per client address for callers without a valid key. Denied: how long until a request would pass.
/// </summary>
public sealed class RequestLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<(string Key, RateLimitOptions.RateLimit Limit)> limiter = PartitionedRateLimiter.Create<(string Key, RateLimitOptions.RateLimit Limit), string>(
        request => RateLimitPartition.GetTokenBucketLimiter(request.Key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = request.Limit.Burst,
            TokensPerPeriod = request.Limit.PerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Null when the request may go on; otherwise how long to wait.</summary>
    public TimeSpan? Deny(Caller? caller, string? clientAddress)
    {
        var key = caller is null ? $"address:{clientAddress}" : $"{caller.Role}:{caller.Name}";
        var limit = caller is null ? options.Value.Unknown : options.Value.For(caller.Role);
        using var lease = limiter.AttemptAcquire((key, limit));
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => limiter.Dispose();
}
