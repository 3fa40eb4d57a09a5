package com.renovation.media.storage.cdn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * A CloudFront signed URL with a canned policy: the policy names the exact URL and when it stops working, is signed
 * with the key pair's private key, and travels as {@code Expires}, {@code Signature} and {@code Key-Pair-Id}.
 * CloudFront rebuilds the policy from the request and checks the signature with the public key of its key group.
 * Written here after CloudFront's documentation rather than taken from the AWS SDK's {@code cloudfront} module
 * (5.6 MB of CloudFront API client for these few lines); {@code CloudFrontSigningTest} compares it byte for byte
 * with the SDK's {@code CloudFrontUtilities}.
 */
public final class CloudFrontSigning {

    /**
     * CloudFront verifies signed URLs as RSA with SHA-1. The platform signs only policies it wrote itself, so the
     * collisions SHA-1 is weak against (both messages chosen by an attacker) give nobody a signature of theirs.
     */
    static final String ALGORITHM = "SHA1withRSA";

    private CloudFrontSigning() {
    }

    /** The URL with its signature; {@code resourceUrl} must be the exact URL browsers will request (encoded). */
    public static String signedUrl(String resourceUrl, Instant expires, String keyPairId, PrivateKey key) {
        long epochSeconds = expires.getEpochSecond();
        byte[] signature = sign(cannedPolicy(resourceUrl, epochSeconds), key);
        return resourceUrl + (resourceUrl.indexOf('?') >= 0 ? "&" : "?") + "Expires=" + epochSeconds
                + "&Signature=" + urlSafe(signature) + "&Key-Pair-Id=" + keyPairId;
    }

    /** The canned policy, exactly as CloudFront rebuilds it (no whitespace). */
    static String cannedPolicy(String resourceUrl, long expiresEpochSeconds) {
        return "{\"Statement\":[{\"Resource\":\"" + resourceUrl
                + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + expiresEpochSeconds + "}}}]}";
    }

    /** Base64 with the three characters a query string would mangle replaced as CloudFront expects. */
    static String urlSafe(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes).replace('+', '-').replace('=', '_').replace('/', '~');
    }

    /** The inverse of {@link #urlSafe}. */
    static byte[] fromUrlSafe(String text) {
        return Base64.getDecoder().decode(text.replace('-', '+').replace('_', '=').replace('~', '/'));
    }

    private static byte[] sign(String policy, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(policy.getBytes(StandardCharsets.UTF_8));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            // the message names the algorithm's complaint, never the key
            throw new IllegalStateException("could not sign a CloudFront URL: " + e.getMessage(), e);
        }
    }
}
