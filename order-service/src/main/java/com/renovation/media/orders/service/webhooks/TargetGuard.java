package com.renovation.media.orders.service.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a user's webhook URL may be called from inside the platform (SSRF). In production only
 * {@code https} URLs are accepted, and only when every address their host resolves to is a public unicast one:
 * loopback, private, link-local (the cloud metadata address 169.254.169.254 among them), carrier-grade NAT,
 * "this network", documentation, benchmarking, multicast, broadcast and reserved ranges are refused, in IPv4 and
 * IPv6, including IPv4 addresses carried inside IPv6 ones (mapped, compatible, NAT64, 6to4; Teredo is refused
 * whole). Hosts written as numbers in any spelling other than four decimal parts (2130706433, 0x7f.1, 0177.0.0.1)
 * are refused outright: resolvers disagree on what they mean. The URL is checked at registration and the
 * resolved addresses again at each delivery (a name may resolve elsewhere later), and the delivery connects to the
 * address checked. With {@code allowPrivate} (local and test profiles only) http and any address are accepted.
 */
public final class TargetGuard {

    public static final int MAX_URL_LENGTH = 2048;

    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    /** A label a resolver could read as a number: decimal, octal (leading 0) or hex (0x). */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("^(0x[0-9a-f]*|[0-9]+)$");

    private static final String NUMERIC_SPELLING =
            "an IP address host must be written as four decimal numbers (a.b.c.d)";

    /** Why a target is refused; the message is shown to the user registering it. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A URL that passed the checks that need no DNS. */
    public record Target(URI uri, String host, int port, boolean https, String pathAndQuery) {
    }

    private TargetGuard() {
    }

    /** Checks the URL's form, scheme and, for a literal address, the address itself. */
    public static Target parse(String url, boolean allowPrivate) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("a URL is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new Refused("the URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !(allowPrivate && scheme.equals("http"))) {
            throw new Refused("only https URLs are accepted");
        }
        if (uri.isOpaque() || uri.getRawAuthority() == null) {
            throw new Refused("the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("the URL must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("the URL must not have a fragment");
        }
        if (uri.getHost() == null) {
            // java.net.URI leaves numbers it cannot read as an address (0x7f.0.0.1) without a host
            String raw = uri.getRawAuthority().replaceFirst(":[0-9]*$", "").toLowerCase(Locale.ROOT);
            if (!allowPrivate && looksNumeric(raw)) {
                throw new Refused(NUMERIC_SPELLING);
            }
            throw new Refused("the URL's host is not a valid host name");
        }
        String host = normalizedHost(uri.getHost());
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new Refused("the URL's port is not valid");
        }
        if (!allowPrivate) {
            checkHostSpelling(host);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new Target(uri, host, port, https, pathAndQuery);
    }

    /**
     * Resolves the host (blocking: call off the event loop) and answers the address to connect to, once every
     * address it resolves to is allowed: one bad address refuses the whole name, since a client may pick any.
     */
    public static InetAddress resolve(Target target, boolean allowPrivate) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(target.host());
        } catch (UnknownHostException | SecurityException e) {
            throw new Refused("the host " + target.host() + " does not resolve");
        }
        if (addresses.length == 0) {
            throw new Refused("the host " + target.host() + " does not resolve");
        }
        if (!allowPrivate) {
            checkAll(Arrays.asList(addresses));
        }
        return addresses[0];
    }

    /** Refuses the list if any address in it is not public. */
    public static void checkAll(List<InetAddress> addresses) throws Refused {
        for (InetAddress address : addresses) {
            Optional<String> why = whyNotPublic(address);
            if (why.isPresent()) {
                throw new Refused("the URL's host resolves to " + address.getHostAddress() + ", " + why.get()
                        + ": only public addresses are accepted");
            }
        }
    }

    /** Why an address may not be called (the range it is in), or empty for a public unicast address. */
    public static Optional<String> whyNotPublic(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return whyNotPublicV4(v4.getAddress());
        }
        if (address instanceof Inet6Address v6) {
            return whyNotPublicV6(v6);
        }
        return Optional.of("an address of an unknown family");
    }

    private static String normalizedHost(String rawHost) {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host;
    }

    /** Refusals that need no DNS: localhost names, odd numeric spellings, and literal addresses not public. */
    private static void checkHostSpelling(String host) throws Refused {
        if (host.isEmpty()) {
            throw new Refused("the URL has no host");
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            throw new Refused("the URL's host is localhost: only public addresses are accepted");
        }
        if (host.contains(":")) {
            if (host.contains("%")) {
                throw new Refused("the URL's host is a scoped IPv6 address");
            }
            InetAddress literal;
            try {
                literal = InetAddress.ofLiteral(host);
            } catch (IllegalArgumentException e) {
                throw new Refused("the URL's host is not a valid IPv6 address");
            }
            checkAll(List.of(literal));
            return;
        }
        if (looksNumeric(host)) {
            if (!CANONICAL_IPV4.matcher(host).matches()) {
                throw new Refused(NUMERIC_SPELLING);
            }
            checkAll(List.of(InetAddress.ofLiteral(host)));
        }
    }

    /** A host whose last label is a number: no top-level domain is, so resolvers read it as an address. */
    private static boolean looksNumeric(String host) {
        String[] labels = host.split("\\.", -1);
        return labels.length > 0 && NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches();
    }

    private static Optional<String> whyNotPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 255 && a1 == 255 && a2 == 255 && (b[3] & 0xff) == 255) {
            return Optional.of("the broadcast address");
        }
        if (a0 == 0) {
            return Optional.of("in 0.0.0.0/8 (this network)");
        }
        if (a0 == 10) {
            return Optional.of("in the private range 10.0.0.0/8");
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return Optional.of("in the carrier-grade NAT range 100.64.0.0/10");
        }
        if (a0 == 127) {
            return Optional.of("a loopback address");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("link-local (169.254.0.0/16, where cloud metadata services answer)");
        }
        if (a0 == 172 && a1 >= 16 && a1 <= 31) {
            return Optional.of("in the private range 172.16.0.0/12");
        }
        if (a0 == 192 && a1 == 0 && a2 == 0) {
            return Optional.of("in 192.0.0.0/24 (IETF protocol assignments)");
        }
        if (a0 == 192 && a1 == 0 && a2 == 2 || a0 == 198 && a1 == 51 && a2 == 100
                || a0 == 203 && a1 == 0 && a2 == 113) {
            return Optional.of("in a documentation range");
        }
        if (a0 == 192 && a1 == 88 && a2 == 99) {
            return Optional.of("in the 6to4 relay range 192.88.99.0/24");
        }
        if (a0 == 192 && a1 == 168) {
            return Optional.of("in the private range 192.168.0.0/16");
        }
        if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            return Optional.of("in the benchmarking range 198.18.0.0/15");
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of("a multicast address");
        }
        if (a0 >= 240) {
            return Optional.of("in the reserved range 240.0.0.0/4");
        }
        return Optional.empty();
    }

    private static Optional<String> whyNotPublicV6(Inet6Address address) {
        byte[] b = address.getAddress();
        if (address.getScopeId() != 0 || address.getScopedInterface() != null) {
            return Optional.of("a scoped IPv6 address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address ::");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("the IPv6 loopback address");
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(b, 12, "IPv4-mapped");
        }
        if (allZero(b, 0, 12)) {
            return embedded(b, 12, "IPv4-compatible");
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xff) {
            return Optional.of("an IPv6 multicast address");
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("IPv6 link-local (fe80::/10)");
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of("IPv6 site-local (fec0::/10)");
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("an IPv6 unique local address (fc00::/7)");
        }
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            // NAT64: 64:ff9b::/96 carries the IPv4 address in its last four bytes (64:ff9b:1::/48 too)
            return embedded(b, 12, "NAT64");
        }
        if (first == 0x20 && second == 0x02) {
            return embedded(b, 2, "6to4");
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
            return Optional.of("a Teredo address (2001::/32), whose IPv4 target cannot be checked");
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("in the IPv6 documentation range 2001:db8::/32");
        }
        if ((first & 0xe0) != 0x20) {
            return Optional.of("outside IPv6 global unicast (2000::/3)");
        }
        return Optional.empty();
    }

    /** An IPv6 address carrying an IPv4 one at {@code offset}: judged by the IPv4 address. */
    private static Optional<String> embedded(byte[] b, int offset, String form) {
        byte[] v4 = Arrays.copyOfRange(b, offset, offset + 4);
        return whyNotPublicV4(v4).map(why -> form + " form of an IPv4 address " + why);
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
