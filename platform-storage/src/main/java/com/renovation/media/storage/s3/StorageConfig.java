package com.renovation.media.storage.s3;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How clients reach S3 and how long their signed URLs live ({@code platform.storage.*}). */
@ConfigMapping(prefix = "platform.storage")
public interface StorageConfig {

    /**
     * The S3 endpoint as clients (browsers, curl) see it, used in presigned URLs; when the services reach S3 by
     * an internal name (compose, Kubernetes) this is the external one. Defaults to the services' endpoint.
     */
    Optional<String> publicEndpoint();

    /** Lifetime of a presigned upload (PUT) URL. */
    @WithDefault("15m")
    Duration uploadUrlTtl();

    /** Lifetime of a presigned download (GET) URL. */
    @WithDefault("1h")
    Duration downloadUrlTtl();

    /** Originals moved to a colder storage class by a bucket lifecycle rule ({@link ColdOriginals}). */
    OriginalsCold originalsCold();

    /** Variants served through a CDN by CloudFront signed URLs ({@link com.renovation.media.storage.cdn.VariantUrls}). */
    Cdn cdn();

    /**
     * {@code platform.storage.cdn.*}: off while nothing is set; {@code base-url}, {@code key-pair-id} and one of
     * {@code private-key} or {@code private-key-location} together turn it on (a service refuses to start with only
     * some of them). Originals and uploads never go through it.
     */
    interface Cdn {

        /**
         * The distribution as browsers reach it, scheme and host only ({@code https://d111111abcdef8.cloudfront.net}
         * or a CNAME of it): a URL's path is the object key, which the distribution's S3 origin of that key's bucket
         * maps to unchanged (no origin path).
         */
        Optional<String> baseUrl();

        /** The id of the CloudFront public key (in a key group the distribution trusts), sent as {@code Key-Pair-Id}. */
        Optional<String> keyPairId();

        /** The matching RSA private key as PEM text (PKCS#8, {@code BEGIN PRIVATE KEY}), e.g. from a Secret. */
        Optional<String> privateKey();

        /** The same, from a file (a mounted Secret); give this or {@link #privateKey()}, not both. */
        Optional<Path> privateKeyLocation();

        /** How long a signed variant URL works: from a minute to 7 days, as S3's presigned URLs. */
        @WithDefault("1h")
        Duration urlTtl();
    }

    /** {@code platform.storage.originals-cold.*}. */
    interface OriginalsCold {

        /** Tag originals as confirm stores them, and have asset-service apply the rule to the bucket at start. */
        @WithDefault("false")
        boolean enabled();

        /** Age (whole days) after which S3 moves an original; S3 wants 30 or more for the IA classes. */
        @WithDefault("P90D")
        Duration after();

        /** The class it moves to, one read without a restore: STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER_IR. */
        @WithDefault("STANDARD_IA")
        String storageClass();
    }
}
