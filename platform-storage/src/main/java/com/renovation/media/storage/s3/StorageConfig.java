package com.renovation.media.storage.s3;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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
