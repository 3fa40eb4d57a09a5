package com.renovation.media.orders.service.jobs;

import java.net.URI;
import java.util.Locale;

/**
 * Whether an output URL is at the provider's own origin (same scheme, host and port as its base URL). The worker
 * downloads nothing else: a prediction naming any other URL (an internal address, a metadata service) is refused
 * rather than fetched from inside the platform's network.
 */
public final class OutputOrigin {

    private OutputOrigin() {
    }

    public static boolean sameOrigin(URI provider, String output) {
        URI candidate;
        try {
            candidate = URI.create(output);
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
        if (candidate.getScheme() == null || candidate.getHost() == null || candidate.getRawUserInfo() != null) {
            return false;
        }
        return scheme(candidate).equals(scheme(provider))
                && candidate.getHost().toLowerCase(Locale.ROOT).equals(provider.getHost().toLowerCase(Locale.ROOT))
                && port(candidate) == port(provider);
    }

    private static String scheme(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return scheme(uri).equals("https") ? 443 : 80;
    }
}
