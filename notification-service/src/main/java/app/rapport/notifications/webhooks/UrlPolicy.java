package app.rapport.notifications.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which webhook URLs are acceptable: absolute HTTPS URLs whose host is, or resolves only to, globally reachable
 * addresses ({@link SpecialPurposeAddresses}). Plain http, and any loopback address, are allowed only when
 * configured for development and tests, and then only when every address is loopback.
 *
 * <p>A subscription is checked when it is created; the sender checks again at every attempt through
 * {@link #destination}, which resolves the name once and hands back the checked address to connect to, so a
 * name re-pointed in between (or answering differently to a second lookup) cannot redirect the post.
 */
public final class UrlPolicy {

    /** Names and unresolvable names are refused alike, so the answer says nothing about internal DNS. */
    private static final String NAME_NOT_PUBLIC = "must name a host that resolves to publicly reachable addresses only";

    private UrlPolicy() {
    }

    /** A checked destination: the URL and the one address the post goes to. */
    record Destination(WebhookUrl url, InetAddress address) {
    }

    /** Why a URL was refused: {@code reason} follows the field name {@code url}. */
    static final class Refusal extends Exception {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    /** @return why the URL is refused, or empty when it is acceptable (resolving the host with the system's DNS) */
    public static Optional<String> refusal(String url, boolean allowHttpLoopback) {
        try {
            destination(url, allowHttpLoopback, HostResolver.SYSTEM);
            return Optional.empty();
        } catch (Refusal refusal) {
            return Optional.of(refusal.getMessage());
        }
    }

    /** Parses the URL, resolves its host once and checks every address; the first one is where to connect. */
    static Destination destination(String url, boolean allowHttpLoopback, HostResolver resolver) throws Refusal {
        WebhookUrl parsed;
        try {
            parsed = WebhookUrl.parse(url);
        } catch (WebhookUrl.Refused e) {
            throw new Refusal(e.getMessage());
        }
        InetAddress[] addresses = addresses(parsed, resolver);
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            allLoopback &= address.isLoopbackAddress();
        }
        if (allowHttpLoopback && allLoopback) {
            return new Destination(parsed, addresses[0]);
        }
        if (!parsed.https()) {
            throw new Refusal("must use https");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = parsed.literal() != null
                    ? SpecialPurposeAddresses.refusal(parsed.literal())
                    : SpecialPurposeAddresses.refusal(address);
            if (why.isPresent()) {
                throw new Refusal(parsed.literal() != null
                        ? "must point at a publicly reachable address, not " + why.get()
                        : NAME_NOT_PUBLIC);
            }
        }
        return new Destination(parsed, addresses[0]);
    }

    private static InetAddress[] addresses(WebhookUrl url, HostResolver resolver) throws Refusal {
        try {
            if (url.literal() != null) {
                // an IP literal is never looked up; the mapped form connects as the IPv4 address it carries
                return new InetAddress[]{InetAddress.getByAddress(url.literal())};
            }
            InetAddress[] found = resolver.resolve(url.host());
            if (found == null || found.length == 0) {
                throw new Refusal(NAME_NOT_PUBLIC);
            }
            return found;
        } catch (UnknownHostException e) {
            throw new Refusal(NAME_NOT_PUBLIC);
        }
    }
}
