package com.renovation.media.contracts.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature scheme of every webhook the platform receives or sends, the one Stripe uses: the header value is
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}. A verifier accepts any of several
 * {@code v1} entries (a sender rotating its secret signs with both) and refuses timestamps outside the tolerance
 * either way, so a captured request cannot be replayed later.
 */
public final class WebhookSignature {
    /** The header the payment provider signs with (Stripe's name). */
    public static final String PAYMENT_HEADER = "Stripe-Signature";
    /** The header the platform signs its own webhook deliveries with. */
    public static final String DELIVERY_HEADER = "Webhook-Signature";
    /** Stripe's default tolerance. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final int MAX_HEADER_LENGTH = 1024;

    public enum Verdict {
        VALID, MISSING, MALFORMED, STALE, MISMATCH;

        public boolean valid() {
            return this == VALID;
        }
    }

    private WebhookSignature() {
    }

    /** The header value signing {@code body} at {@code at}. */
    public static String header(String secret, Instant at, String body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + hex(hmac(secret, t + "." + body));
    }

    /** Whether {@code header} signs exactly {@code body} with {@code secret}, within {@code tolerance} of now. */
    public static Verdict verify(String header, String body, String secret, Duration tolerance, Instant now) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            return Verdict.MALFORMED;
        }
        Long t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                return Verdict.MALFORMED;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                if (t != null || !value.matches("\\d{1,12}")) {
                    return Verdict.MALFORMED;
                }
                t = Long.parseLong(value);
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (t == null || signatures.isEmpty()) {
            return Verdict.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return Verdict.STALE;
        }
        byte[] expected = hmac(secret, t + "." + body);
        for (String signature : signatures) {
            byte[] given;
            try {
                given = HexFormat.of().parseHex(signature);
            } catch (IllegalArgumentException notHex) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return Verdict.VALID;
            }
        }
        return Verdict.MISMATCH;
    }

    private static byte[] hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
