package com.renovation.media.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.catalog.config.CatalogConfig;
import com.renovation.media.catalog.service.seed.SeedManifestLoader;
import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.filetype.ImageHeader;
import com.renovation.media.storage.inspection.Inspection;
import com.renovation.media.storage.inspection.UploadInspector;
import com.renovation.media.storage.inspection.UploadPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The catalog's allow-list and limits, under the platform's upload inspector. */
class ImageRulesTest {

    private static final byte[] JPEG = SeedManifestLoader.load("seed/catalog.json").files().values().iterator()
            .next();

    private static UploadPolicy policy(long maxBytes, long maxPixels) {
        return ImageRules.policy(new CatalogConfig() {
            public String publicBaseUrl() { return "http://s3/styles"; }
            public boolean seedOnStart() { return false; }
            public String seedManifest() { return "seed/catalog.json"; }
            public long maxImageBytes() { return maxBytes; }
            public long maxPixels() { return maxPixels; }
            public Duration pendingUploadTtl() { return Duration.ofHours(1); }
            public int cleanupBatchSize() { return 10; }
            public Duration cleanupInterval() { return Duration.ofMinutes(5); }
            public Duration cacheMaxAge() { return Duration.ofSeconds(60); }
        });
    }

    @Test
    void aShippedSeedImageIsAcceptedWithItsDimensions() {
        assertThat(UploadInspector.inspect(JPEG, policy(10_000_000, 50_000_000))).isEqualTo(new Inspection.Accepted(
                FileType.JPEG, Optional.of(new ImageHeader.Dimensions(960, 640)), UploadInspector.sha256(JPEG)));
    }

    @Test
    void onlyJpegPngAndWebpWithinTheCatalogsLimitsMayBecomeStyleImages() {
        assertThat(ImageRules.declared("image/heic")).isEmpty();
        assertThat(ImageRules.declared("application/pdf")).isEmpty();
        assertThat(ImageRules.declared("image/webp")).contains(FileType.WEBP);
        UploadPolicy policy = policy(1000, 960 * 640 - 1);
        assertThat(policy.allowed()).containsExactlyInAnyOrder(FileType.JPEG, FileType.PNG, FileType.WEBP);
        assertThat(policy.maxBytes(FileType.PNG)).isEqualTo(1000);
        assertThat(policy.maxPixels()).isEqualTo(960 * 640 - 1);
        assertThat(((Inspection.Refused) UploadInspector.inspect("%PDF-1.7\n%%EOF".getBytes(
                StandardCharsets.US_ASCII), policy)).reason()).contains("application/pdf");
        assertThat(((Inspection.Refused) UploadInspector.inspect(JPEG, policy(10_000_000, 960 * 640 - 1)))
                .reason()).contains("960x640 pixels");
    }
}
