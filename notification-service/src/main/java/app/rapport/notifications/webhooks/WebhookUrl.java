package app.rapport.notifications.webhooks;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A webhook URL taken apart strictly. Only three host forms are accepted: a DNS name, a dotted-decimal IPv4
 * address and a bracketed IPv6 address. Forms that resolvers read differently from people (integer hosts such as
 * {@code 2130706433}, octal or hex parts such as {@code 0x7f.1}, shortened {@code 127.1}, trailing dots, zone ids)
 * are refused rather than interpreted.
 *
 * @param literal the address when the host is an IP literal (IPv4-mapped literals keep their 16-byte form)
 */
record WebhookUrl(String scheme, String host, int port, String target, byte[] literal) {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LENGTH = 2000;

    /** Thrown with the reason a URL is refused (the text follows the field name {@code url}). */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    boolean https() {
        return scheme.equals("https");
    }

    /** The Host header: the name as written, with the port when it is not the scheme's default. */
    String hostHeader() {
        String name = literal != null && literal.length == 16 ? "[" + host + "]" : host;
        boolean defaultPort = port == (https() ? 443 : 80);
        return defaultPort ? name : name + ":" + port;
    }

    static WebhookUrl parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new Refused("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL");
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
            throw new Refused("must be an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            throw new Refused("must not carry credentials");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new Refused("must use https");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        if (uri.getHost() == null) {
            throw new Refused("must name its host as a DNS name, a dotted-decimal IPv4 address or a bracketed IPv6 address");
        }
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new Refused("must use a port between 1 and 65535");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return new WebhookUrl(scheme, host.substring(1, host.length() - 1), port, target, ipv6Literal(host));
        }
        if (IPV4.matcher(host).matches()) {
            return new WebhookUrl(scheme, host, port, target, numeric(host).getAddress());
        }
        if (!isDnsName(host)) {
            throw new Refused("must name its host as a DNS name, a dotted-decimal IPv4 address or a bracketed IPv6 address"
                    + " (no integer, octal or hex forms, no trailing dot)");
        }
        return new WebhookUrl(scheme, host, port, target, null);
    }

    private static byte[] ipv6Literal(String bracketed) throws Refused {
        String text = bracketed.substring(1, bracketed.length() - 1);
        if (text.contains("%")) {
            throw new Refused("must not name an IPv6 zone");
        }
        InetAddress address = numeric(text);
        // Java reads ::ffff:a.b.c.d as plain IPv4; the mapped form itself is special-purpose, so keep it visible
        return address instanceof Inet4Address
                ? SpecialPurposeAddresses.mapped(address.getAddress()) : address.getAddress();
    }

    /** Parses an IP literal; never a DNS query, since callers pass only text already shaped as an address. */
    private static InetAddress numeric(String text) throws Refused {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new Refused("must name a valid IP address");
        }
    }

    /** Labels of letters, digits and inner hyphens; the last label starts with a letter, as top-level domains do. */
    private static boolean isDnsName(String host) {
        if (host.length() > 253 || host.endsWith(".")) {
            return false;
        }
        String[] labels = host.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return Character.isLetter(labels[labels.length - 1].charAt(0));
    }
}
