package com.renovation.media.variants.imaging;

import com.renovation.media.storage.filetype.WebpLosslessCodes;
import com.renovation.media.storage.testing.HostileImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import org.junit.jupiter.api.Test;

/** Hostile sources are refused cleanly, from their headers where possible, and a render can be stopped. */
class DecodeLimitsTest {

    private static final List<VariantPreset> PRESETS = List.of(new VariantPreset("optimized", 1200, 1200),
            new VariantPreset("thumbnail", 300, 200));
    private static final List<VariantFormat> FORMATS = List.of(VariantFormat.JPEG, VariantFormat.WEBP);

    private final VariantPipeline pipeline = StandardVariants.pipeline();

    @Test
    void aLosslessWebPWithInvalidHuffmanCodesIsRefusedAsCorrupt() {
        byte[] exploit = HostileImages.losslessWebPWithInvalidHuffmanCodes();
        assertThat(SourceFormat.detect(exploit)).contains(SourceFormat.WEBP);
        assertThatThrownBy(() -> pipeline.render(exploit, PRESETS, FORMATS))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage("corrupt WEBP data: invalid lossless prefix code (incomplete)");
    }

    @Test
    void losslessWebPsFromLibwebpPassTheCheckAndDecode() {
        for (BufferedImage image : List.of(TestImages.photoLike(300, 200, 5), TestImages.palette(200, 120),
                TestImages.solid(64, 48, new Color(10, 200, 30, 128), BufferedImage.TYPE_INT_ARGB))) {
            byte[] lossless = losslessWebP(image);
            assertThat(WebpLosslessCodes.refusal(lossless)).isEmpty();
            assertThat(pipeline.render(lossless, PRESETS, FORMATS)).hasSize(4);
        }
    }

    private static byte[] losslessWebP(BufferedImage image) {
        return TestImages.webp(image, true);
    }

    @Test
    void aProgressiveJpegScanBombIsRefusedBeforeDecoding() {
        byte[] bomb = HostileImages.progressiveJpegScanBomb(5000);
        assertThat(JpegScans.count(bomb, Integer.MAX_VALUE)).isGreaterThan(5000);
        assertThatThrownBy(() -> new ImageProbe().probe(bomb))
                .isInstanceOf(ImageRejectedException.class).hasMessage("JPEG has more than 100 scans (a scan bomb)");
    }

    @Test
    void ordinaryProgressiveAndBaselineJpegsAreWithinTheScanLimit() {
        byte[] progressive = TestImages.jpeg(TestImages.photoLike(400, 300, 1), true);
        byte[] baseline = TestImages.jpeg(TestImages.photoLike(400, 300, 1), false);
        assertThat(JpegScans.count(progressive, 100)).isBetween(2, 12);
        assertThat(JpegScans.count(baseline, 100)).isEqualTo(1);
        assertThat(pipeline.render(progressive, PRESETS, FORMATS)).hasSize(4);
    }

    @Test
    void aFiftyMegapixelWebPInAFewDozenBytesIsRenderedInStripsNotWhole() {
        byte[] huge = HostileImages.webpWithHugeHeader(10_000, 5_000);
        assertThat(huge.length).isLessThan(100);
        assertThat(pipeline.render(huge, PRESETS, FORMATS)).hasSize(4)
                .extracting(RenderedVariant::width, RenderedVariant::height)
                .contains(org.assertj.core.groups.Tuple.tuple(1200, 600));
    }

    @Test
    void anAbortedRenderStopsWithItsReason() {
        byte[] photo = TestImages.jpeg(TestImages.photoLike(800, 600, 2), false);
        RenderAbort abort = new RenderAbort();
        abort.abort("took too long");
        assertThatThrownBy(() -> pipeline.render(photo, PRESETS, FORMATS, abort))
                .isInstanceOf(ImageRejectedException.class).hasMessage("took too long");
    }
}
