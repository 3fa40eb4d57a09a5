package com.renovation.media.assets.service.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.assets.config.UploadConfig;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.storage.filetype.FileType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UploadRulesTest {

    static final UploadConfig LIMITS = new UploadConfig() {
        public long maxImageBytes() { return 1000; }
        public long maxPdfBytes() { return 5000; }
        public long maxVideoBytes() { return 90_000; }
        public Duration pendingTtl() { return Duration.ofHours(1); }
        public int cleanupBatchSize() { return 10; }
        public Duration cleanupInterval() { return Duration.ofMinutes(5); }
        public int maxMetadataBytes() { return 200; }
        public long maxPixels() { return 50_000_000; }
        public Duration sweepInterval() { return Duration.ofMinutes(1); }
        public Duration sweepGrace() { return Duration.ofMinutes(2); }
        public Duration writeLease() { return Duration.ofHours(1); }
        public int sweepBatchSize() { return 10; }
        public Duration temporaryTtl() { return Duration.ofHours(24); }
        public long multipartThreshold() { return 16 * 1024 * 1024; }
        public long partSize() { return 16 * 1024 * 1024; }
    };

    private final UploadRules rules = new UploadRules(LIMITS);

    @Test
    void eachAssetTypeHasItsAllowList() {
        assertThat(rules.checkRequest("photo", "image/jpeg", 10, null)).isEqualTo(FileType.JPEG);
        assertThat(rules.checkRequest("render", "IMAGE/PNG; charset=x", 10, "ai_generated")).isEqualTo(FileType.PNG);
        assertThat(rules.checkRequest("floorplan", "application/pdf", 4000, null)).isEqualTo(FileType.PDF);
        assertThat(rules.checkRequest("document", "image/heic", 10, null)).isEqualTo(FileType.HEIC);
        assertThat(rules.checkRequest("photo", "image/avif", 10, null)).isEqualTo(FileType.AVIF);
        assertThatThrownBy(() -> rules.checkRequest("photo", "application/pdf", 10, null))
                .isInstanceOf(ApiException.class).hasMessageContaining("contentType");
        assertThatThrownBy(() -> rules.checkRequest("photo", "image/svg+xml", 10, null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> rules.checkRequest("selfie", "image/jpeg", 10, null)).hasMessageContaining("assetType");
        assertThatThrownBy(() -> rules.checkRequest("photo", "image/jpeg", 10, "instagram")).hasMessageContaining("source");
    }

    @Test
    void sizeLimitsDependOnTheType() {
        assertThatThrownBy(() -> rules.checkRequest("photo", "image/jpeg", 1001, null)).hasMessageContaining("size");
        assertThatThrownBy(() -> rules.checkRequest("photo", "image/jpeg", 0, null)).hasMessageContaining("size");
        assertThat(rules.checkRequest("document", "application/pdf", 5000, null)).isEqualTo(FileType.PDF);
        assertThatThrownBy(() -> rules.checkRequest("document", "application/pdf", 5001, null)).isInstanceOf(ApiException.class);
    }

    @Test
    void aVideoIsAnMp4QuickTimeOrWebmWithinItsOwnLimitAndAlwaysInParts() {
        assertThat(rules.checkRequest("video", "video/mp4", 90_000, null)).isEqualTo(FileType.MP4);
        assertThat(rules.checkRequest("video", "video/quicktime", 10, null)).isEqualTo(FileType.MOV);
        assertThat(rules.checkRequest("video", "video/webm", 10, null)).isEqualTo(FileType.WEBM);
        assertThatThrownBy(() -> rules.checkRequest("video", "video/mp4", 90_001, null))
                .hasMessageContaining("size").hasMessageContaining("90000");
        assertThatThrownBy(() -> rules.checkRequest("video", "video/x-matroska", 10, null))
                .hasMessageContaining("contentType");
        assertThatThrownBy(() -> rules.checkRequest("video", "image/jpeg", 10, null))
                .hasMessageContaining("contentType");
        assertThatThrownBy(() -> rules.checkRequest("photo", "video/mp4", 10, null))
                .hasMessageContaining("contentType");
        assertThat(rules.inParts("video", null)).isTrue();
        assertThat(rules.inParts("video", true)).isTrue();
        assertThatThrownBy(() -> rules.inParts("video", false)).hasMessageContaining("multipart");
        assertThat(rules.inParts("photo", false)).isFalse();
        assertThat(rules.inParts("photo", null)).isNull();
        var video = rules.policy("video");
        assertThat(video.allowed()).containsExactlyInAnyOrder(FileType.MP4, FileType.MOV, FileType.WEBM);
        assertThat(video.maxBytes(FileType.WEBM)).isEqualTo(90_000);
        assertThat(rules.policy("photo").maxBytes(FileType.MP4)).isZero();
    }

    @Test
    void eachAssetTypesPolicyCarriesItsAllowListAndTheConfiguredLimits() {
        var photo = rules.policy("photo");
        assertThat(photo.allowed()).containsExactlyInAnyOrder(FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.HEIC,
                FileType.AVIF);
        assertThat(photo.maxBytes(FileType.JPEG)).isEqualTo(1000);
        assertThat(photo.maxPixels()).isEqualTo(50_000_000);
        var document = rules.policy("document");
        assertThat(document.allows(FileType.PDF)).isTrue();
        assertThat(document.maxBytes(FileType.PDF)).isEqualTo(5000);
        assertThat(document.maxBytes(FileType.HEIC)).isEqualTo(1000);
        assertThat(document.maxBytes(FileType.AVIF)).isEqualTo(1000);
    }
}
