package app.rapport.notifications.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which webhook URLs are acceptable: absolute HTTPS URLs to public addresses. Plain http is allowed only
 * to loopback, and only when configured for development and tests. Addresses are checked as resolved
 * now; the sender checks again before every attempt (a name may be re-pointed later).
 */
public final class UrlPolicy {

    private UrlPolicy() {
    }

    /** @return why the URL is refused, or empty when it is acceptable */
    public static Optional<String> refusal(String url, boolean allowHttpLoopback) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > 2000) {
            return Optional.of("must be at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return Optional.of("must be an absolute URL with a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        String scheme = uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must use https");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host " + uri.getHost() + " cannot be resolved");
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            allLoopback &= address.isLoopbackAddress();
        }
        if (allowHttpLoopback && allLoopback) {
            return Optional.empty();
        }
        if (scheme.equals("http")) {
            return Optional.of("must use https");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
                return Optional.of("must not point at a private, loopback or link-local address (" + address.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    /** IPv6 unique local addresses (fc00::/7), which {@link InetAddress#isSiteLocalAddress()} does not cover. */
    private static boolean uniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
