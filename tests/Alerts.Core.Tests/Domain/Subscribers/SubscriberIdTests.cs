using Alerts.Core.Domain.Subscribers;

namespace Alerts.Core.Tests.Domain.Subscribers;

public class SubscriberIdTests
{
    private const string Random16 = "0123456789abcdef";

    [Fact]
    public void New_IsWellFormed_WithATwoDigitShardBelowShardCount()
    {
        var shards = new HashSet<int>();
        for (var i = 0; i < 1000; i++)
        {
            var id = SubscriberId.New();

            Assert.True(SubscriberId.IsWellFormed(id), id);
            Assert.Matches("^sub-[0-9]{2}-[0-9a-hjkmnp-tv-z]{16}$", id);
            var shard = int.Parse(SubscriberId.ShardOf(id));
            Assert.InRange(shard, 0, SubscriberId.ShardCount - 1);
            shards.Add(shard);
        }

        // 1000 draws over 32 shards miss one with probability below 1e-12: a shard that never appears is a bug.
        Assert.Equal(SubscriberId.ShardCount, shards.Count);
    }

    [Fact]
    public void New_TwoIds_Differ() =>
        Assert.NotEqual(SubscriberId.New(), SubscriberId.New());

    [Theory]
    [InlineData("sub-00-" + Random16, "00")]
    [InlineData("sub-07-" + Random16, "07")]
    [InlineData("sub-31-" + Random16, "31")]
    public void ShardOf_WellFormedId_IsItsTwoDigits(string id, string shard)
    {
        Assert.True(SubscriberId.IsWellFormed(id));
        Assert.Equal(shard, SubscriberId.ShardOf(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sub-../..")]
    [InlineData("sub-00-../../../../../..")] // right length, path characters
    [InlineData("sub-00-0123456789abcde/")]
    [InlineData("sub-00-0123456789abcde%")]
    [InlineData("sub-99-" + Random16)] // shard out of range
    [InlineData("sub-32-" + Random16)] // first shard past the end
    [InlineData("sub--1-" + Random16)] // negative shard
    [InlineData("sub-+1-" + Random16)] // sign instead of a digit
    [InlineData("sub- 1-" + Random16)] // space instead of a digit
    [InlineData("sub-1 -" + Random16)]
    [InlineData("sub-7-" + Random16 + "x")] // one-digit shard, padded to length
    [InlineData("sub-07-" + Random16 + "0")] // too long
    [InlineData("sub-07-0123456789abcde")] // too short
    [InlineData("SUB-07-" + Random16)]
    [InlineData("sub_07_" + Random16)]
    [InlineData("sub-07-0123456789ABCDEF")] // upper case
    [InlineData("sub-07-0123456789abcdei")] // i, l, o, u are not in the alphabet
    [InlineData("sub-07-0123456789abcdeu")]
    [InlineData("inc-07-" + Random16)]
    public void IsWellFormed_MalformedOrTricky_IsFalse(string? value) =>
        Assert.False(SubscriberId.IsWellFormed(value), value);
}
