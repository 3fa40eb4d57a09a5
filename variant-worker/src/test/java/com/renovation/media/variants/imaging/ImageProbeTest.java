package com.renovation.media.variants.imaging;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageProbeTest {

    private final ImageProbe probe = new ImageProbe();

    private final VariantPipeline pipeline = StandardVariants.pipeline();

    @Test
    void readsFormatAndOrientationFromTheBytes() {
        ImageInfo jpeg = probe.probe(CraftedFiles.jpegWithExif(TestImages.quadrants(64, 48), 6));
        assertThat(jpeg.format()).isEqualTo(SourceFormat.JPEG);
        assertThat(jpeg.orientation()).isEqualTo(Orientation.ROTATE_90_CW);

        ImageInfo png = probe.probe(TestImages.png(TestImages.quadrants(30, 20)));
        assertThat(png.format()).isEqualTo(SourceFormat.PNG);
        assertThat(png.orientation()).isEqualTo(Orientation.NORMAL);

        assertThat(probe.probe(TestImages.webp(TestImages.quadrants(40, 10), false)).format()).isEqualTo(SourceFormat.WEBP);
    }

    @Test
    void refusesAPixelBombFromItsHeaderBeforeDecodingAnything() {
        byte[] bomb = CraftedFiles.pngBomb(30_000, 30_000);
        assertThat(bomb.length).isLessThan(150_000);

        long allocatedBefore = allocatedBytes();
        assertThatThrownBy(() -> pipeline.render(bomb, StandardVariants.PRESETS, VariantFormat.ALL))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage("image is 30000×30000 = 900 MP, above the 50 MP limit");
        // 900 MP of 1-bit pixels would take over 100 MB decoded; only the header was read.
        assertThat(allocatedBytes() - allocatedBefore).isLessThan(16L * 1024 * 1024);
    }

    @Test
    void refusesAJpegWhoseFrameHeaderDeclaresTooManyPixels() {
        byte[] jpeg = CraftedFiles.withDeclaredJpegSize(TestImages.jpeg(TestImages.quadrants(16, 16)), 20_000, 20_000);
        assertThatThrownBy(() -> pipeline.render(jpeg, StandardVariants.PRESETS, VariantFormat.ALL))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage("image is 20000×20000 = 400 MP, above the 50 MP limit");
    }

    @Test
    void thePixelLimitIsConfigurable() {
        VariantPipeline strict = new VariantPipeline(new ImageProbe(1_000_000, ImageProbe.DEFAULT_MAX_BYTES));
        byte[] png = TestImages.png(new BufferedImage(2000, 1000, BufferedImage.TYPE_BYTE_GRAY));
        assertThatThrownBy(() -> strict.render(png, StandardVariants.PRESETS, List.of(VariantFormat.JPEG)))
                .hasMessage("image is 2000×1000 = 2 MP, above the 1 MP limit");
        assertThat(new VariantPipeline(new ImageProbe(2_000_000, ImageProbe.DEFAULT_MAX_BYTES))
                .render(png, StandardVariants.PRESETS, List.of(VariantFormat.JPEG))).hasSize(2);
    }

    @Test
    void refusesWhatIsNotAnAcceptedImage() {
        for (byte[] notAnImage : List.of(new byte[0], "GIF89a....".getBytes(), "%PDF-1.7".getBytes(), new byte[]{(byte) 0xFF, (byte) 0xD8})) {
            assertThatThrownBy(() -> probe.probe(notAnImage))
                    .isInstanceOf(ImageRejectedException.class)
                    .hasMessage("not a JPEG, PNG, WebP, HEIC or AVIF image");
        }
    }

    @Test
    void refusesCorruptHeadersWithAReason() {
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0x42);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;
        assertThatThrownBy(() -> pipeline.render(garbage, StandardVariants.PRESETS, List.of(VariantFormat.JPEG)))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageStartingWith("corrupt JPEG header");

        byte[] png = TestImages.png(TestImages.solid(10, 10, Color.RED, BufferedImage.TYPE_3BYTE_BGR));
        assertThatThrownBy(() -> pipeline.render(Arrays.copyOf(png, 20), StandardVariants.PRESETS, List.of(VariantFormat.JPEG)))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageStartingWith("corrupt PNG header");

        byte[] webpHeaderOnly = Arrays.copyOf("RIFF\0\0\0\0WEBPVP8 ".getBytes(), 20);
        assertThatThrownBy(() -> pipeline.render(webpHeaderOnly, StandardVariants.PRESETS, List.of(VariantFormat.JPEG)))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageStartingWith("corrupt WEBP header");
    }

    @Test
    void refusesFilesAboveTheByteLimit() {
        ImageProbe small = new ImageProbe(ImageProbe.DEFAULT_MAX_PIXELS, 1024);
        byte[] big = TestImages.png(TestImages.photoLike(200, 200, 1));
        assertThatThrownBy(() -> small.probe(big))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageMatching("file is [0-9.]+ KB, above the 1 KB limit");
    }

    @Test
    void malformedExifIsIgnoredNotFatal() {
        byte[] jpeg = CraftedFiles.withSegment(TestImages.jpeg(TestImages.quadrants(20, 10)), 0xE1,
                "Exif\0\0MM\0*\u0000\u0000\u7fff\u0000".getBytes());
        assertThat(probe.probe(jpeg).orientation()).isEqualTo(Orientation.NORMAL);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
