using System.Net;
using Alerts.Core.Pipeline.Delivery.Webhooks;

namespace Alerts.Core.Tests.Pipeline.Delivery.Webhooks;

public class NetworkAddressPolicyTests
{
    [Theory]
    // Public IPv4, including the edges of refused ranges.
    [InlineData("8.8.8.8", true)]
    [InlineData("1.1.1.1", true)]
    [InlineData("9.255.255.255", true)]
    [InlineData("11.0.0.0", true)]
    [InlineData("100.63.255.255", true)]
    [InlineData("100.128.0.0", true)]
    [InlineData("172.15.255.255", true)]
    [InlineData("172.32.0.0", true)]
    [InlineData("192.167.255.255", true)]
    [InlineData("198.20.0.0", true)]
    [InlineData("223.255.255.255", true)]
    // Non-public IPv4.
    [InlineData("127.0.0.1", false)]
    [InlineData("127.255.255.254", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("100.127.255.255", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("0.1.2.3", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("239.255.255.250", false)]
    [InlineData("240.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("192.0.0.8", false)]
    [InlineData("192.0.2.1", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("198.19.255.255", false)]
    [InlineData("198.51.100.7", false)]
    [InlineData("203.0.113.9", false)]
    // Public IPv6, and IPv6 forms carrying a public IPv4.
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("2a00:1450:4001:81c::200e", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("64:ff9b::808:808", true)]
    [InlineData("2002:808:808::1", true)]
    // Non-public IPv6.
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("febf::1", false)]
    [InlineData("fec0::1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("fd12::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("100::1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("2001::1", false)]
    [InlineData("2001:10::1", false)]
    [InlineData("3fff::1", false)]
    [InlineData("4000::1", false)]
    // IPv6 forms carrying a non-public IPv4, or that cannot be judged.
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("::127.0.0.1", false)]
    [InlineData("64:ff9b::7f00:1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("64:ff9b:1::808:808", false)]
    [InlineData("2002:7f00:1::1", false)]
    [InlineData("2002:a9fe:a9fe::1", false)]
    public void IsPublic(string address, bool expected) =>
        Assert.Equal(expected, NetworkAddressPolicy.IsPublic(IPAddress.Parse(address)));
}
