using Alerts.Core.Domain.Deliveries;
using Alerts.Core.Domain.Incidents;
using Alerts.Core.Domain.Subscribers;
using Alerts.Core.Storage;
using Alerts.Testing;
using Microsoft.Extensions.Configuration;

namespace Alerts.Core.Tests.Storage;

/// <summary>Delivery claims against real Azurite, with answers lost on the way back (<see cref="StorageFaultProxy"/>).</summary>
public class DeliveryStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static DeliveryStore Store(string connectionString) =>
        new(StorageConnection.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StorageConnection.SettingName] = connectionString }).Build()));

    private static List<DeliveryRecord> Claims(int count, string token)
    {
        var subscriber = new Subscriber("sub-01-0000000000000000", "s", SubscriberChannel.Webhook, "https://example.org/", SubscriberFilter.All, true, [], Now, "etag");
        return Enumerable.Range(0, count)
            .Select(i => DeliveryClaim.Of(DeliveryRecord.New(new DeliveryKey("inc-0000000000000000", 1, $"sub-01-{i:D16}"), NoticeTypes.Alert, subscriber, Now), Now, token))
            .ToList();
    }

    [Fact]
    public async Task CreateAsync_WhenTheAnswerIsLost_TheClaimsItMadeAreStillItsOwn_AndNobodyElses()
    {
        var account = await StorageAccount.CreateAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(account);
        var lost = 0;
        proxy.Rules = [new(StorageFault.ResetAfter, 1, r => StorageFaultRule.BatchOn(TableNames.Deliveries)(r) && Interlocked.Increment(ref lost) == 1)];
        var token = DeliveryClaim.NewToken();

        var mine = await Store(proxy.ConnectionString).CreateAsync(Claims(5, token), CancellationToken.None);
        var theirs = await Store(account.ConnectionString).CreateAsync(Claims(5, DeliveryClaim.NewToken()), CancellationToken.None);

        Assert.Equal(1, proxy.Injected[StorageFault.ResetAfter]);
        Assert.Equal(5, mine.Count);
        Assert.All(mine, r => Assert.Equal(token, r.ClaimToken));
        Assert.Empty(theirs);
    }

    [Fact]
    public async Task TryClaimAsync_WhenTheAnswerIsLost_TheClaimIsStillItsOwn()
    {
        var account = await StorageAccount.CreateAsync();
        var direct = Store(account.ConnectionString);
        var pending = (await direct.CreateAsync(Claims(3, "first").Select(r => r with { Status = DeliveryStatus.Pending, ClaimedUntil = null, ClaimToken = null }).ToList(), CancellationToken.None));
        await using var proxy = await StorageFaultProxy.StartAsync(account);
        var lost = 0;
        proxy.Rules = [new(StorageFault.ResetAfter, 1, r => StorageFaultRule.BatchOn(TableNames.Deliveries)(r) && Interlocked.Increment(ref lost) == 1)];
        var token = DeliveryClaim.NewToken();

        var won = await Store(proxy.ConnectionString).TryClaimAsync(pending.Select(r => DeliveryClaim.Of(r, Now, token)).ToList(), CancellationToken.None);
        var again = await direct.TryClaimAsync(pending.Select(r => DeliveryClaim.Of(r, Now, DeliveryClaim.NewToken())).ToList(), CancellationToken.None);

        Assert.Equal(3, won.Count);
        Assert.Empty(again);
    }
}
