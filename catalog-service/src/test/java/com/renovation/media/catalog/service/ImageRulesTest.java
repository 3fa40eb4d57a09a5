package com.renovation.media.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.catalog.service.seed.SeedManifestLoader;
import com.renovation.media.storage.filetype.FileType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageRulesTest {

    private static final byte[] JPEG = SeedManifestLoader.load("seed/catalog.json").files().values().iterator()
            .next();

    @Test
    void aWholeJpegIsAcceptedWithItsDimensions() {
        var verdict = ImageRules.inspect(JPEG, limits(10_000_000));
        assertThat(verdict).isInstanceOf(ImageRules.Accepted.class);
        ImageRules.Accepted accepted = (ImageRules.Accepted) verdict;
        assertThat(accepted.type()).isEqualTo(FileType.JPEG);
        assertThat(accepted.dimensions().width()).isEqualTo(960);
        assertThat(accepted.dimensions().height()).isEqualTo(640);
    }

    @Test
    void refusals() {
        assertThat(reason(Arrays.copyOf(JPEG, JPEG.length - 200), 10_000_000)).contains("truncated");
        assertThat(reason(JPEG, 1000)).contains("larger");
        assertThat(reason("%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII), 10_000_000)).contains("JPEG, PNG or WebP");
        assertThat(reason("<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII), 10_000_000)).contains("SVG");
        assertThat(reason(new byte[0], 10)).contains("empty");
        assertThat(ImageRules.declared("image/heic")).isEmpty();
        assertThat(ImageRules.declared("image/webp")).contains(FileType.WEBP);
    }

    @Test
    void anImageDeclaringMorePixelsThanTheLimitIsRefused() {
        assertThat(((ImageRules.Refused) ImageRules.inspect(JPEG, new ImageRules.Limits(10_000_000, 960 * 640 - 1)))
                .reason()).contains("960x640 pixels");
        assertThat(ImageRules.inspect(JPEG, new ImageRules.Limits(10_000_000, 960 * 640)))
                .isInstanceOf(ImageRules.Accepted.class);
    }

    private static ImageRules.Limits limits(long maxBytes) {
        return new ImageRules.Limits(maxBytes, 50_000_000);
    }

    private static String reason(byte[] bytes, long max) {
        return ((ImageRules.Refused) ImageRules.inspect(bytes, limits(max))).reason();
    }
}
