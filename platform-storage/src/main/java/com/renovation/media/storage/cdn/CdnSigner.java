package com.renovation.media.storage.cdn;

import com.renovation.media.storage.s3.PresignedUrls.SignedUrl;
import com.renovation.media.storage.s3.StorageConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signs variant URLs on the CDN ({@code platform.storage.cdn.*}), checked once at start: all settings or none, an
 * https origin without path, a key pair id that cannot leak into the query, a readable RSA key, a bounded lifetime.
 * Not a record: its {@code toString} must never print the key.
 */
public final class CdnSigner {

    static final Duration MIN_TTL = Duration.ofMinutes(1);
    /** S3's own bound for presigned URLs: a leaked CDN URL works no longer than a leaked S3 one could. */
    static final Duration MAX_TTL = Duration.ofDays(7);
    private static final Pattern KEY_PAIR_ID = Pattern.compile("[A-Z0-9]{1,64}");
    private static final String PREFIX = "platform.storage.cdn.";

    private final String origin;
    private final String keyPairId;
    private final PrivateKey key;
    private final Duration ttl;

    CdnSigner(String origin, String keyPairId, PrivateKey key, Duration ttl) {
        this.origin = origin;
        this.keyPairId = keyPairId;
        this.key = key;
        this.ttl = ttl;
    }

    /**
     * The signer the settings describe, empty when none is set.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public static Optional<CdnSigner> of(StorageConfig.Cdn cdn) {
        Map<String, Boolean> given = Map.of("base-url", cdn.baseUrl().isPresent(), "key-pair-id",
                cdn.keyPairId().isPresent(), "private-key or private-key-location",
                cdn.privateKey().isPresent() || cdn.privateKeyLocation().isPresent());
        if (!given.containsValue(true)) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        given.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).sorted().forEach(missing::add);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "* is half set: " + String.join(", ", missing.stream()
                    .map(m -> PREFIX + m).toList()) + " missing. Set base-url, key-pair-id and the private key "
                    + "together to serve variants through the CDN, or none of them to serve them from S3");
        }
        if (cdn.privateKey().isPresent() && cdn.privateKeyLocation().isPresent()) {
            throw new IllegalArgumentException(PREFIX + "private-key and " + PREFIX
                    + "private-key-location are both set: give one");
        }
        String keyPairId = cdn.keyPairId().get().strip();
        if (!KEY_PAIR_ID.matcher(keyPairId).matches()) {
            throw new IllegalArgumentException(PREFIX + "key-pair-id must be a CloudFront public key id "
                    + "(capital letters and digits, e.g. K2JCJMDEHXQW5F)");
        }
        Duration ttl = cdn.urlTtl();
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException(PREFIX + "url-ttl must be between " + MIN_TTL + " and " + MAX_TTL
                    + ", not " + ttl);
        }
        return Optional.of(new CdnSigner(origin(cdn.baseUrl().get()), keyPairId, privateKey(cdn), ttl));
    }

    /** {@code https://host[:port]}: a path would be sent on to the S3 origin as part of the key. */
    static String origin(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(PREFIX + "base-url is not a URL: " + baseUrl);
        }
        String path = uri.getRawPath();
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null
                || (path != null && !path.isEmpty() && !path.equals("/"))) {
            throw new IllegalArgumentException(PREFIX + "base-url must be https://host (or https://host:port), "
                    + "nothing after it, not " + baseUrl);
        }
        return "https://" + uri.getHost().toLowerCase(java.util.Locale.ROOT)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static PrivateKey privateKey(StorageConfig.Cdn cdn) {
        if (cdn.privateKey().isPresent()) {
            return PemKeys.rsaPrivateKey(cdn.privateKey().get(), PREFIX + "private-key");
        }
        var location = cdn.privateKeyLocation().get();
        try {
            return PemKeys.rsaPrivateKey(Files.readString(location, StandardCharsets.US_ASCII),
                    PREFIX + "private-key-location (" + location + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException(PREFIX + "private-key-location " + location + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    /** A GET URL of {@code key} on the CDN, valid for the configured lifetime from {@code now}. */
    public SignedUrl sign(String key, Instant now) {
        Instant expires = now.plus(ttl);
        return new SignedUrl(CloudFrontSigning.signedUrl(origin + CdnPaths.of(key), expires, keyPairId, this.key),
                "GET", Map.of(), Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    public String origin() {
        return origin;
    }

    public String keyPairId() {
        return keyPairId;
    }

    public Duration ttl() {
        return ttl;
    }

    @Override
    public String toString() {
        return "CloudFront " + origin + " (key pair " + keyPairId + ", URLs for " + ttl + ")";
    }
}
