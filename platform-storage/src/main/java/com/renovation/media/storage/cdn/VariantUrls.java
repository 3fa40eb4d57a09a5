package com.renovation.media.storage.cdn;

import com.renovation.media.storage.s3.PresignedUrls;
import com.renovation.media.storage.s3.PresignedUrls.SignedUrl;
import com.renovation.media.storage.s3.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The URLs browsers load variants from (thumbnails, optimized images, video posters, web MP4s): CloudFront signed
 * URLs on the CDN when {@code platform.storage.cdn.*} is set, else S3 presigned GETs as before. Originals,
 * documents and uploads never come from here: they stay S3 presigned, out of any shared cache. The settings are
 * checked when the bean is built ({@link CdnSigner#of}); a service that serves variants builds it at start.
 */
@ApplicationScoped
public class VariantUrls {

    private static final Logger LOG = Logger.getLogger(VariantUrls.class);

    private final PresignedUrls presigned;
    private final Optional<CdnSigner> cdn;

    public VariantUrls(StorageConfig config, PresignedUrls presigned) {
        this.presigned = presigned;
        this.cdn = CdnSigner.of(config.cdn());
        // the signer's toString names the origin and key pair id, never the key
        cdn.ifPresent(signer -> LOG.infof("variant URLs: signed by %s", signer));
    }

    /** A GET URL of the variant at {@code key} in {@code bucket}. */
    public SignedUrl of(String bucket, String key) {
        return cdn.map(signer -> signer.sign(key, Instant.now()))
                .orElseGet(() -> presigned.download(bucket, key, null));
    }

    /** Whether variants come from the CDN. */
    public boolean throughCdn() {
        return cdn.isPresent();
    }
}
