using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Alerts.Core.Pipeline.Delivery.Webhooks;

/// <summary>
/// Decides whether a webhook may connect to an address: only globally routable unicast addresses, so a subscriber
/// URL cannot reach loopback, the cloud metadata endpoint or anything else on the private network.
/// IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the IPv4 they carry.
/// </summary>
public static class NetworkAddressPolicy
{
    // IANA IPv4 special-purpose ranges that are not globally reachable (RFC 6890 and successors).
    private static readonly (uint Network, int Prefix)[] NonPublicV4 =
    [
        (0x00000000, 8),   // 0.0.0.0/8 "this network", includes unspecified
        (0x0A000000, 8),   // 10.0.0.0/8 private
        (0x64400000, 10),  // 100.64.0.0/10 carrier-grade NAT
        (0x7F000000, 8),   // 127.0.0.0/8 loopback
        (0xA9FE0000, 16),  // 169.254.0.0/16 link-local, cloud metadata
        (0xAC100000, 12),  // 172.16.0.0/12 private
        (0xC0000000, 24),  // 192.0.0.0/24 IETF protocol assignments
        (0xC0000200, 24),  // 192.0.2.0/24 TEST-NET-1
        (0xC0A80000, 16),  // 192.168.0.0/16 private
        (0xC6120000, 15),  // 198.18.0.0/15 benchmarking
        (0xC6336400, 24),  // 198.51.100.0/24 TEST-NET-2
        (0xCB007100, 24),  // 203.0.113.0/24 TEST-NET-3
        (0xE0000000, 4),   // 224.0.0.0/4 multicast
        (0xF0000000, 4),   // 240.0.0.0/4 reserved, includes 255.255.255.255 broadcast
    ];

    /// <summary>True only for an address a webhook may connect to.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes())),
            AddressFamily.InterNetworkV6 => IsPublicV6(address.GetAddressBytes()),
            _ => false,
        };
    }

    private static bool IsPublicV4(uint address)
    {
        foreach (var (network, prefix) in NonPublicV4)
        {
            if (InPrefix(address, network, prefix))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPublicV6(byte[] b)
    {
        var high = BinaryPrimitives.ReadUInt64BigEndian(b);
        var low = BinaryPrimitives.ReadUInt64BigEndian(b.AsSpan(8));
        var embeddedV4 = (uint)low;

        // ::/96 (IPv4-compatible; covers :: and ::1, whose "IPv4" lies in 0.0.0.0/8) and ::ffff:0:0/96 (IPv4-mapped).
        if (high == 0 && (low >> 32 == 0 || low >> 32 == 0xFFFF))
        {
            return IsPublicV4(embeddedV4);
        }

        // 64:ff9b::/96 well-known NAT64 prefix: the gateway connects to the embedded IPv4.
        if (high == 0x0064_FF9B_0000_0000 && low >> 32 == 0)
        {
            return IsPublicV4(embeddedV4);
        }

        // 64:ff9b:1::/48 local-use NAT64: the IPv4 may sit at any of several offsets, so refuse outright.
        if (high >> 16 == 0x0064_FF9B_0001)
        {
            return false;
        }

        // Everything else must be global unicast, 2000::/3. This refuses unique-local fc00::/7, link-local fe80::/10,
        // site-local fec0::/10, multicast ff00::/8, discard 100::/64 and the rest of the unassigned space.
        if (b[0] >> 5 != 0b001)
        {
            return false;
        }

        // 2002::/16 6to4: the relay connects to the IPv4 in bits 16-47.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsPublicV4(BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(2)));
        }

        var first32 = (uint)(high >> 32);
        return first32 switch
        {
            0x2001_0000 => false, // 2001::/32 Teredo: tunnels to an address we cannot judge
            0x2001_0DB8 => false, // 2001:db8::/32 documentation
            _ when (first32 & 0xFFFF_FFF0) is 0x2001_0010 or 0x2001_0020 => false, // 2001:10::/28, 2001:20::/28 ORCHID
            _ when (first32 & 0xFFFF_F000) == 0x3FFF_0000 => false, // 3fff::/20 documentation (RFC 9637)
            _ => true,
        };
    }

    private static bool InPrefix(uint address, uint network, int prefix)
    {
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return (address & mask) == network;
    }
}
