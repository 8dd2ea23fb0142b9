package app.rapport.notifications.webhooks;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production rules (no loopback exception). */
class UrlPolicyTest {

    private static String refusal(String url) {
        return UrlPolicy.refusal(url, false).orElse("accepted");
    }

    @Test
    void productionAcceptsHttpsToPublicAddressesOnly() {
        assertEquals("accepted", refusal("https://93.184.215.14/hooks/rapport"));
        assertEquals("must use https", refusal("http://93.184.215.14/hooks/rapport"));
        assertTrue(refusal("https://127.0.0.1/hook").startsWith("must not point at a private"));
        assertTrue(refusal("http://127.0.0.1/hook").startsWith("must use https"), "no http to loopback in production");
        assertTrue(refusal("https://172.16.4.4/hook").startsWith("must not point at a private"));
        assertTrue(refusal("https://[fe80::1]/hook").startsWith("must not point at a private"));
        assertTrue(refusal("https://0.0.0.0/hook").startsWith("must not point at a private"));
        assertEquals("must not carry credentials", refusal("https://user:pw@93.184.215.14/hook"));
        assertEquals("is required", refusal(" "));
    }

    @Test
    void developmentMayUsePlainHttpOnLoopbackOnly() {
        assertEquals(Optional.empty(), UrlPolicy.refusal("http://127.0.0.1:9999/hook", true));
        assertEquals(Optional.of("must use https"), UrlPolicy.refusal("http://93.184.215.14/hook", true));
    }
}
