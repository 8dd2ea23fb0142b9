package app.rapport.notifications.webhooks;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every special-purpose block from the IANA registries: its first, middle and last address are refused with the
 * block named, and the neighbours just outside it (written out by hand) are allowed. Then every IPv6 form that
 * carries an IPv4 address, over forbidden and allowed IPv4 addresses.
 */
class SpecialPurposeAddressesTest {

    /** A refused block and its allowed neighbours (none where the neighbour is itself special-purpose). */
    private record Row(String cidr, String... allowedNeighbours) {
    }

    private static final List<Row> REFUSED = List.of(
            new Row("0.0.0.0/8", "1.0.0.0"),
            new Row("10.0.0.0/8", "9.255.255.255", "11.0.0.0"),
            new Row("100.64.0.0/10", "100.63.255.255", "100.128.0.0"),
            new Row("127.0.0.0/8", "126.255.255.255", "128.0.0.0"),
            new Row("169.254.0.0/16", "169.253.255.255", "169.255.0.0"),
            new Row("172.16.0.0/12", "172.15.255.255", "172.32.0.0"),
            new Row("192.0.0.0/24", "191.255.255.255", "192.0.1.0"),
            // inside 192.0.0.0/24, so their neighbours are refused too; the rows check the specific name
            new Row("192.0.0.0/29"),
            new Row("192.0.0.8/32"),
            new Row("192.0.0.9/32"),
            new Row("192.0.0.10/32"),
            new Row("192.0.0.170/32"),
            new Row("192.0.0.171/32"),
            new Row("192.0.2.0/24", "192.0.1.255", "192.0.3.0"),
            new Row("192.31.196.0/24", "192.31.195.255", "192.31.197.0"),
            new Row("192.52.193.0/24", "192.52.192.255", "192.52.194.0"),
            new Row("192.88.99.0/24", "192.88.98.255", "192.88.100.0"),
            new Row("192.168.0.0/16", "192.167.255.255", "192.169.0.0"),
            new Row("192.175.48.0/24", "192.175.47.255", "192.175.49.0"),
            new Row("198.18.0.0/15", "198.17.255.255", "198.20.0.0"),
            new Row("198.51.100.0/24", "198.51.99.255", "198.51.101.0"),
            new Row("203.0.113.0/24", "203.0.112.255", "203.0.114.0"),
            new Row("224.0.0.0/4", "223.255.255.255"),
            new Row("240.0.0.0/4"),
            new Row("255.255.255.255/32"),

            new Row("::/128"),
            new Row("::1/128"),
            new Row("::/96"),
            new Row("::ffff:0:0/96"),
            new Row("64:ff9b:1::/48"),
            new Row("100::/64"),
            new Row("100:0:0:1::/64"),
            new Row("2001::/23", "2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "2001:200::"),
            new Row("2001:1::1/128"),
            new Row("2001:1::2/128"),
            new Row("2001:1::3/128"),
            new Row("2001:2::/48"),
            new Row("2001:3::/32"),
            new Row("2001:4:112::/48"),
            new Row("2001:10::/28"),
            new Row("2001:20::/28"),
            new Row("2001:30::/28"),
            new Row("2001:db8::/32", "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db9::"),
            new Row("2620:4f:8000::/48", "2620:4f:7fff:ffff:ffff:ffff:ffff:ffff", "2620:4f:8001::"),
            new Row("3fff::/20", "3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "3fff:1000::"),
            new Row("5f00::/16"),
            new Row("fc00::/7"),
            new Row("fe80::/10"),
            new Row("fec0::/10"),
            new Row("ff00::/8"));

    /** Outside 2000::/3 nothing is allocated for unicast (besides the NAT64 prefix judged by its IPv4). */
    private static final List<String> RESERVED_IPV6 = List.of("1::1", "200::", "1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "4000::", "8000::1", "e000::1", "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");

    private static final List<String> PUBLIC = List.of("8.8.8.8", "1.1.1.1", "93.184.215.14", "128.0.0.0",
            "223.255.255.255", "2606:4700::1111", "2a00:1450:4009:81f::200e", "2000::", "3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");

    @TestFactory
    Stream<DynamicTest> everyBlockIsRefusedEndToEndAndItsNeighboursAreNot() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : REFUSED) {
            Range range = Range.of(row.cidr());
            for (byte[] address : List.of(range.first(), range.middle(), range.last())) {
                String text = text(address);
                tests.add(dynamicTest(row.cidr() + " refuses " + text, () -> {
                    assertTrue(SpecialPurposeAddresses.refusal(address).isPresent(), text + " must be refused");
                }));
            }
            // first and last may lie in a more specific block (2001::/23 starts with Teredo); the middle names this one
            tests.add(dynamicTest(row.cidr() + " names itself for its middle address", () ->
                    assertTrue(SpecialPurposeAddresses.refusal(range.middle()).orElse("").contains(row.cidr()),
                            SpecialPurposeAddresses.refusal(range.middle()).toString())));
            for (String neighbour : row.allowedNeighbours()) {
                tests.add(dynamicTest(row.cidr() + " allows its neighbour " + neighbour, () ->
                        assertEquals(Optional.empty(), SpecialPurposeAddresses.refusal(bytes(neighbour)))));
            }
        }
        for (String reserved : RESERVED_IPV6) {
            tests.add(dynamicTest("reserved IPv6 " + reserved, () ->
                    assertTrue(SpecialPurposeAddresses.refusal(bytes(reserved)).orElse("").contains("2000::/3"))));
        }
        for (String address : PUBLIC) {
            tests.add(dynamicTest("public " + address, () ->
                    assertEquals(Optional.empty(), SpecialPurposeAddresses.refusal(bytes(address)))));
        }
        return tests.stream();
    }

    /** IPv4 addresses with the verdict they must get, in every IPv6 form that carries them. */
    private static final List<String> FORBIDDEN_IPV4 = List.of("0.0.0.0", "10.1.2.3", "100.64.0.1", "127.0.0.1",
            "169.254.169.254", "172.31.255.255", "192.0.0.10", "192.0.2.1", "192.88.99.1", "192.168.1.1",
            "198.18.0.1", "198.19.255.255", "203.0.113.9", "224.0.0.1", "240.0.0.1", "255.255.255.255");
    private static final List<String> ALLOWED_IPV4 = List.of("8.8.8.8", "93.184.215.14", "9.255.255.255",
            "100.128.0.0", "198.20.0.0", "223.255.255.255");

    @TestFactory
    Stream<DynamicTest> ipv6FormsCarryingIpv4AreJudgedByTheIpv4TheyCarry() {
        List<DynamicTest> tests = new ArrayList<>();
        byte[] publicV4 = bytes("8.8.8.8");
        for (String v4 : concat(FORBIDDEN_IPV4, ALLOWED_IPV4)) {
            boolean allowed = ALLOWED_IPV4.contains(v4);
            byte[] ipv4 = bytes(v4);
            List<Form> forms = List.of(
                    new Form("NAT64 64:ff9b::/96", nat64(ipv4), allowed),
                    new Form("6to4 2002::/16", sixToFour(ipv4), allowed),
                    new Form("Teredo server", teredo(ipv4, publicV4), allowed),
                    new Form("Teredo client", teredo(publicV4, ipv4), allowed),
                    // these forms are special-purpose themselves: refused whatever they carry
                    new Form("IPv4-mapped", SpecialPurposeAddresses.mapped(ipv4), false),
                    new Form("IPv4-compatible", compatible(ipv4), false));
            for (Form form : forms) {
                tests.add(dynamicTest(form.name() + " of " + v4 + (form.allowed() ? " is allowed" : " is refused"), () ->
                        assertEquals(form.allowed(), SpecialPurposeAddresses.refusal(form.address()).isEmpty(),
                                text(form.address()) + ": " + SpecialPurposeAddresses.refusal(form.address()))));
            }
            tests.add(dynamicTest("plain " + v4, () ->
                    assertEquals(allowed, SpecialPurposeAddresses.refusal(ipv4).isEmpty())));
        }
        return tests.stream();
    }

    private record Form(String name, byte[] address, boolean allowed) {
    }

    private static byte[] nat64(byte[] ipv4) {
        byte[] address = bytes("64:ff9b::");
        System.arraycopy(ipv4, 0, address, 12, 4);
        return address;
    }

    private static byte[] sixToFour(byte[] ipv4) {
        byte[] address = bytes("2002::1");
        System.arraycopy(ipv4, 0, address, 2, 4);
        return address;
    }

    /** 2001:0:server(32 bits):flags:port:client(32 bits, inverted). */
    private static byte[] teredo(byte[] server, byte[] client) {
        byte[] address = bytes("2001::");
        System.arraycopy(server, 0, address, 4, 4);
        address[8] = (byte) 0x80;
        for (int i = 0; i < 4; i++) {
            address[12 + i] = (byte) ~client[i];
        }
        return address;
    }

    private static byte[] compatible(byte[] ipv4) {
        byte[] address = new byte[16];
        System.arraycopy(ipv4, 0, address, 12, 4);
        return address;
    }

    /** A CIDR block's first, middle and last address, computed here independently of the class under test. */
    private record Range(BigInteger low, BigInteger high, int length, int bits) {
        static Range of(String cidr) {
            String[] parts = cidr.split("/");
            byte[] prefix = bytes(parts[0]);
            if (parts[0].startsWith("::ffff:")) {
                prefix = SpecialPurposeAddresses.mapped(prefix);
            }
            int bits = Integer.parseInt(parts[1]);
            int width = prefix.length * 8;
            BigInteger first = new BigInteger(1, prefix);
            BigInteger hostPart = BigInteger.ONE.shiftLeft(width - bits).subtract(BigInteger.ONE);
            return new Range(first, first.or(hostPart), prefix.length, bits);
        }

        byte[] first() {
            return toBytes(low);
        }

        byte[] last() {
            return toBytes(high);
        }

        byte[] middle() {
            return toBytes(low.add(high.subtract(low).add(BigInteger.ONE).shiftRight(1)));
        }

        private byte[] toBytes(BigInteger value) {
            byte[] raw = value.toByteArray();
            byte[] out = new byte[length];
            int copy = Math.min(raw.length, length);
            System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
            return out;
        }
    }

    static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static String text(byte[] address) {
        try {
            return address.length == 16 ? java.net.Inet6Address.getByAddress(null, address, -1).getHostAddress()
                    : InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
