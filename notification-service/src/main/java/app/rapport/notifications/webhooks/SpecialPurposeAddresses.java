package app.rapport.notifications.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to: only globally reachable unicast addresses.
 *
 * <p>The table follows the IANA IPv4 Special-Purpose Address Registry
 * (https://www.iana.org/assignments/iana-ipv4-special-registry) and the IANA IPv6 Special-Purpose Address
 * Registry (https://www.iana.org/assignments/iana-ipv6-special-registry), plus the IPv4 multicast block and the
 * deprecated IPv6 forms (IPv4-compatible, site-local) from RFC 4291 and RFC 3879. Every block is refused except
 * those that only wrap an IPv4 address (NAT64's well-known prefix, 6to4, Teredo): those are judged by the IPv4
 * addresses they carry. The few blocks the registries mark globally reachable (protocol anycast services, AS112
 * sinks, overlay and drone identifiers) are refused on purpose: they name shared infrastructure, never a firm's
 * receiver. IPv6 outside 2000::/3 is not allocated for unicast at all and is refused as a whole.
 *
 * <p>The most specific matching block names the reason, so the answer says e.g. "TURN anycast" rather than the
 * enclosing "IETF protocol assignments".
 */
public final class SpecialPurposeAddresses {

    /** How a block is treated. */
    enum Treatment {
        /** Not globally reachable per the registry (or not unicast). */
        NOT_GLOBAL,
        /** Marked globally reachable, but shared protocol infrastructure: refused deliberately. */
        INFRASTRUCTURE,
        /** Carries an IPv4 address; judged by it. */
        EMBEDS_IPV4
    }

    /** One registry entry: {@code cidr} is the block, {@code name} says what it is for. */
    record Block(String cidr, String name, Treatment treatment, byte[] prefix, int bits) {

        static Block of(String cidr, String name, Treatment treatment) {
            int slash = cidr.indexOf('/');
            try {
                byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                if (cidr.startsWith("::ffff:")) {
                    prefix = mapped(prefix); // Java turns the mapped literal into IPv4; keep the 16-byte form
                }
                return new Block(cidr, name, treatment, prefix, Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final Treatment NOT_GLOBAL = Treatment.NOT_GLOBAL;
    private static final Treatment INFRASTRUCTURE = Treatment.INFRASTRUCTURE;
    private static final Treatment EMBEDS_IPV4 = Treatment.EMBEDS_IPV4;

    static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0/8", "\"this network\"", NOT_GLOBAL),
            Block.of("10.0.0.0/8", "private use", NOT_GLOBAL),
            Block.of("100.64.0.0/10", "shared address space", NOT_GLOBAL),
            Block.of("127.0.0.0/8", "loopback", NOT_GLOBAL),
            Block.of("169.254.0.0/16", "link local", NOT_GLOBAL),
            Block.of("172.16.0.0/12", "private use", NOT_GLOBAL),
            Block.of("192.0.0.0/24", "IETF protocol assignments", NOT_GLOBAL),
            Block.of("192.0.0.0/29", "IPv4 service continuity prefix", NOT_GLOBAL),
            Block.of("192.0.0.8/32", "IPv4 dummy address", NOT_GLOBAL),
            Block.of("192.0.0.9/32", "port control protocol anycast", INFRASTRUCTURE),
            Block.of("192.0.0.10/32", "TURN anycast", INFRASTRUCTURE),
            Block.of("192.0.0.170/32", "NAT64/DNS64 discovery", NOT_GLOBAL),
            Block.of("192.0.0.171/32", "NAT64/DNS64 discovery", NOT_GLOBAL),
            Block.of("192.0.2.0/24", "documentation (TEST-NET-1)", NOT_GLOBAL),
            Block.of("192.31.196.0/24", "AS112 DNS sink", INFRASTRUCTURE),
            Block.of("192.52.193.0/24", "automatic multicast tunneling", INFRASTRUCTURE),
            Block.of("192.88.99.0/24", "deprecated 6to4 relay anycast", INFRASTRUCTURE),
            Block.of("192.168.0.0/16", "private use", NOT_GLOBAL),
            Block.of("192.175.48.0/24", "AS112 direct delegation DNS sink", INFRASTRUCTURE),
            Block.of("198.18.0.0/15", "benchmarking", NOT_GLOBAL),
            Block.of("198.51.100.0/24", "documentation (TEST-NET-2)", NOT_GLOBAL),
            Block.of("203.0.113.0/24", "documentation (TEST-NET-3)", NOT_GLOBAL),
            Block.of("224.0.0.0/4", "multicast", NOT_GLOBAL),
            Block.of("240.0.0.0/4", "reserved", NOT_GLOBAL),
            Block.of("255.255.255.255/32", "limited broadcast", NOT_GLOBAL));

    static final List<Block> IPV6 = List.of(
            Block.of("::/128", "unspecified address", NOT_GLOBAL),
            Block.of("::1/128", "loopback", NOT_GLOBAL),
            Block.of("::/96", "deprecated IPv4-compatible form", NOT_GLOBAL),
            Block.of("::ffff:0:0/96", "IPv4-mapped form", NOT_GLOBAL),
            Block.of("64:ff9b::/96", "NAT64 well-known prefix", EMBEDS_IPV4),
            Block.of("64:ff9b:1::/48", "local-use IPv4/IPv6 translation", NOT_GLOBAL),
            Block.of("100::/64", "discard only", NOT_GLOBAL),
            Block.of("100:0:0:1::/64", "dummy IPv6 prefix", NOT_GLOBAL),
            Block.of("2001::/23", "IETF protocol assignments", NOT_GLOBAL),
            Block.of("2001::/32", "Teredo", EMBEDS_IPV4),
            Block.of("2001:1::1/128", "port control protocol anycast", INFRASTRUCTURE),
            Block.of("2001:1::2/128", "TURN anycast", INFRASTRUCTURE),
            Block.of("2001:1::3/128", "DNS-SD service registration anycast", INFRASTRUCTURE),
            Block.of("2001:2::/48", "benchmarking", NOT_GLOBAL),
            Block.of("2001:3::/32", "automatic multicast tunneling", INFRASTRUCTURE),
            Block.of("2001:4:112::/48", "AS112 DNS sink", INFRASTRUCTURE),
            Block.of("2001:10::/28", "deprecated ORCHID", NOT_GLOBAL),
            Block.of("2001:20::/28", "ORCHIDv2 overlay identifiers", INFRASTRUCTURE),
            Block.of("2001:30::/28", "drone remote ID entity tags", INFRASTRUCTURE),
            Block.of("2001:db8::/32", "documentation", NOT_GLOBAL),
            Block.of("2002::/16", "6to4", EMBEDS_IPV4),
            Block.of("2620:4f:8000::/48", "AS112 direct delegation DNS sink", INFRASTRUCTURE),
            Block.of("3fff::/20", "documentation", NOT_GLOBAL),
            Block.of("5f00::/16", "segment routing (SRv6) SIDs", NOT_GLOBAL),
            Block.of("fc00::/7", "unique local", NOT_GLOBAL),
            Block.of("fe80::/10", "link local", NOT_GLOBAL),
            Block.of("fec0::/10", "deprecated site local", NOT_GLOBAL),
            Block.of("ff00::/8", "multicast", NOT_GLOBAL));

    /** The only IPv6 space allocated for global unicast (IANA IPv6 Address Space registry). */
    private static final Block GLOBAL_UNICAST = Block.of("2000::/3", "global unicast", NOT_GLOBAL);

    private SpecialPurposeAddresses() {
    }

    /** @return why a webhook must not be sent to {@code address}, or empty when it is globally reachable */
    public static Optional<String> refusal(InetAddress address) {
        return refusal(address.getAddress());
    }

    static Optional<String> refusal(byte[] address) {
        List<Block> table = address.length == 4 ? IPV4 : IPV6;
        Optional<Block> block = table.stream().filter(b -> b.contains(address))
                .max(Comparator.comparingInt(Block::bits));
        if (block.isEmpty()) {
            if (address.length == 16 && !GLOBAL_UNICAST.contains(address)) {
                return Optional.of("reserved IPv6 space outside 2000::/3");
            }
            return Optional.empty();
        }
        Block found = block.get();
        if (found.treatment() != EMBEDS_IPV4) {
            return Optional.of(found.name() + " " + found.cidr());
        }
        for (byte[] embedded : embeddedIpv4(found, address)) {
            Optional<String> inner = refusal(embedded);
            if (inner.isPresent()) {
                return Optional.of(found.name() + " form of " + inner.get());
            }
        }
        return Optional.empty();
    }

    /** The IPv4 addresses an IPv6 address of a wrapping block carries. */
    private static List<byte[]> embeddedIpv4(Block block, byte[] address) {
        return switch (block.cidr()) {
            case "64:ff9b::/96" -> List.of(slice(address, 12, false));
            case "2002::/16" -> List.of(slice(address, 2, false));
            // Teredo: the server's address in bits 32-63, the client's (inverted) in the last 32 bits
            case "2001::/32" -> List.of(slice(address, 4, false), slice(address, 12, true));
            default -> throw new IllegalStateException("no embedded IPv4 in " + block.cidr());
        };
    }

    private static byte[] slice(byte[] address, int from, boolean inverted) {
        byte[] ipv4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            ipv4[i] = (byte) (inverted ? ~address[from + i] : address[from + i]);
        }
        return ipv4;
    }

    /** The 16-byte IPv4-mapped form of an IPv4 address (::ffff:a.b.c.d). */
    static byte[] mapped(byte[] ipv4) {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, mapped, 12, 4);
        return mapped;
    }
}
