package app.rapport.notifications.webhooks;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** The production rules (no loopback exception), over URL forms; addresses themselves are swept in {@link SpecialPurposeAddressesTest}. */
class UrlPolicyTest {

    private static final String HOST_FORMS = "must name its host as a DNS name, a dotted-decimal IPv4 address or a bracketed IPv6 address";
    private static final String NOT_PUBLIC = "must point at a publicly reachable address, not ";
    private static final String NAME_NOT_PUBLIC = "must name a host that resolves to publicly reachable addresses only";

    private record Case(String url, String refusalStartsWith) {
    }

    private static final List<Case> REFUSED = List.of(
            new Case(" ", "is required"),
            new Case("https://exa mple.org/", "is not a valid URL"),
            new Case("/relative/hook", "must be an absolute URL with a host"),
            new Case("https:///hook", "must be an absolute URL with a host"),
            new Case("mailto:hooks@firm.example", "must be an absolute URL with a host"),
            new Case("ftp://93.184.215.14/hook", "must use https"),
            new Case("http://93.184.215.14/hook", "must use https"),
            new Case("http://127.0.0.1/hook", "must use https"),
            new Case("https://user@93.184.215.14/hook", "must not carry credentials"),
            new Case("https://user:pw@hooks.firm.example/hook", "must not carry credentials"),
            new Case("https://93.184.215.14/hook#part", "must not have a fragment"),
            new Case("https://93.184.215.14:0/hook", "must use a port between 1 and 65535"),
            // forms a resolver reads as an address although no person would
            new Case("http://2130706433/", HOST_FORMS),
            new Case("https://2130706433/", HOST_FORMS),
            new Case("https://0x7f.1/", HOST_FORMS),
            new Case("https://0x7f000001/", HOST_FORMS),
            new Case("https://127.1/", HOST_FORMS),
            new Case("https://017.0.0.1/", HOST_FORMS),
            new Case("https://127.000.000.001/", HOST_FORMS),
            new Case("https://0177.0.0.1/", HOST_FORMS),
            new Case("https://256.1.1.1/", HOST_FORMS),
            new Case("https://hooks.firm.example./hook", HOST_FORMS),
            new Case("https://-hooks.firm.example/hook", HOST_FORMS),
            new Case("https://exa_mple.org/hook", HOST_FORMS),
            new Case("https://ex%61mple.org/hook", HOST_FORMS),
            new Case("https://[fe80::1%25eth0]/hook", "must not name an IPv6 zone"),
            // literal addresses that are not globally reachable
            new Case("https://127.0.0.1/hook", NOT_PUBLIC + "loopback"),
            new Case("https://0.0.0.0/hook", NOT_PUBLIC + "\"this network\""),
            new Case("https://100.64.0.1/", NOT_PUBLIC + "shared address space"),
            new Case("https://169.254.169.254/latest/meta-data", NOT_PUBLIC + "link local"),
            new Case("https://172.16.4.4/hook", NOT_PUBLIC + "private use"),
            new Case("https://198.18.0.1/", NOT_PUBLIC + "benchmarking"),
            new Case("https://240.0.0.1/", NOT_PUBLIC + "reserved"),
            new Case("https://[::1]/hook", NOT_PUBLIC + "loopback"),
            new Case("https://[fe80::1]/hook", NOT_PUBLIC + "link local"),
            new Case("https://[fd00::1]/hook", NOT_PUBLIC + "unique local"),
            new Case("https://[64:ff9b::a9fe:a9fe]/", NOT_PUBLIC + "NAT64 well-known prefix form of link local"),
            new Case("https://[2002:a9fe:a9fe::1]/", NOT_PUBLIC + "6to4 form of link local"),
            new Case("https://[::ffff:127.0.0.1]/", NOT_PUBLIC + "IPv4-mapped form"),
            new Case("https://[::ffff:8.8.8.8]/", NOT_PUBLIC + "IPv4-mapped form"),
            new Case("https://[::ffff:a9fe:a9fe]/", NOT_PUBLIC + "IPv4-mapped form"),
            new Case("https://[::127.0.0.1]/", NOT_PUBLIC + "deprecated IPv4-compatible form"));

    private static final List<String> ACCEPTED = List.of(
            "https://93.184.215.14/hooks/rapport",
            "HTTPS://93.184.215.14:8443/hooks?firm=1",
            "https://[2606:4700::1111]/hooks",
            "https://[64:ff9b::808:808]/hooks",
            "https://[2002:808:808::1]/hooks");

    @TestFactory
    Stream<DynamicTest> refusesEveryOddOrNonPublicForm() {
        return REFUSED.stream().map(c -> dynamicTest("[" + c.url() + "]", () -> {
            String refusal = UrlPolicy.refusal(c.url(), false).orElse("accepted");
            assertTrue(refusal.startsWith(c.refusalStartsWith()), c.url() + " -> " + refusal);
        }));
    }

    @TestFactory
    Stream<DynamicTest> acceptsHttpsToPublicAddresses() {
        return ACCEPTED.stream().map(url -> dynamicTest(url, () ->
                assertEquals(Optional.empty(), UrlPolicy.refusal(url, false))));
    }

    private static HostResolver answering(String... addresses) {
        return host -> {
            InetAddress[] found = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                found[i] = InetAddress.getByName(addresses[i]);
            }
            return found;
        };
    }

    @Test
    void everyResolvedAddressOfANameIsChecked() throws Exception {
        String url = "https://hooks.firm.example/hook";
        UrlPolicy.Destination ok = UrlPolicy.destination(url, false, answering("8.8.8.8", "2606:4700::1111"));
        assertEquals(InetAddress.getByName("8.8.8.8"), ok.address());
        assertEquals("hooks.firm.example", ok.url().hostHeader());
        for (HostResolver bad : List.of(answering("8.8.8.8", "10.0.0.1"), answering("2606:4700::1111", "fd00::1"),
                answering("::ffff:10.0.0.1"), answering("64:ff9b::7f00:1"), answering())) {
            UrlPolicy.Refusal refusal = assertThrows(UrlPolicy.Refusal.class, () -> UrlPolicy.destination(url, false, bad));
            assertEquals(NAME_NOT_PUBLIC, refusal.getMessage(), "a name's refusal reveals no address");
        }
        HostResolver unknown = host -> {
            throw new UnknownHostException(host);
        };
        assertEquals(NAME_NOT_PUBLIC, assertThrows(UrlPolicy.Refusal.class,
                () -> UrlPolicy.destination(url, false, unknown)).getMessage(), "unresolvable looks like non-public");
    }

    @Test
    void literalsAreNeverLookedUp() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver counting = host -> {
            lookups.incrementAndGet();
            return new InetAddress[]{InetAddress.getByName("8.8.8.8")};
        };
        UrlPolicy.destination("https://93.184.215.14/hook", false, counting);
        UrlPolicy.destination("https://[2606:4700::1111]/hook", false, counting);
        assertEquals(0, lookups.get());
    }

    @Test
    void developmentMayUsePlainHttpOnLoopbackOnly() throws Exception {
        assertEquals(Optional.empty(), UrlPolicy.refusal("http://127.0.0.1:9999/hook", true));
        assertEquals(Optional.of("must use https"), UrlPolicy.refusal("http://93.184.215.14/hook", true));
        assertEquals("must use https", assertThrows(UrlPolicy.Refusal.class, () -> UrlPolicy.destination(
                "http://hooks.firm.example/", true, answering("127.0.0.1", "8.8.8.8"))).getMessage(),
                "loopback only when every address is loopback");
    }
}
