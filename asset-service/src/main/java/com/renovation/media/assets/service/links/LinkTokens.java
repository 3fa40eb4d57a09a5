package com.renovation.media.assets.service.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A link's secret: 32 random bytes (256 bits, nothing to guess), sent as unpadded base64url. Only its SHA-256 is
 * stored, so the table alone opens nothing; a slow hash would add nothing to 256 random bits.
 */
public final class LinkTokens {

    /** A new token as the creator gets it, and the hash the table keeps. */
    public record Issued(String token, byte[] hash) {
    }

    private static final int BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private LinkTokens() {
    }

    public static Issued issue() {
        byte[] secret = new byte[BYTES];
        RANDOM.nextBytes(secret);
        return new Issued(ENCODER.encodeToString(secret), sha256(secret));
    }

    /**
     * The hash to look a presented token up by, or empty when it is not the shape of a token this service issues.
     * The decoded bytes must encode back to the same text: base64's last character carries two unused bits, and
     * four spellings of one secret must not all open the link.
     */
    public static Optional<byte[]> hashOf(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        byte[] secret;
        try {
            secret = Base64.getUrlDecoder().decode(token.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!ENCODER.encodeToString(secret).equals(token)) {
            return Optional.empty();
        }
        return Optional.of(sha256(secret));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
