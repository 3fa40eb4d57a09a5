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

    @Test
    void readsFormatSizeAndOrientationFromTheHeader() {
        ImageInfo jpeg = probe.probe(CraftedFiles.jpegWithExif(TestImages.quadrants(64, 48), 6));
        assertThat(jpeg.format()).isEqualTo(SourceFormat.JPEG);
        assertThat(jpeg.storedSize()).isEqualTo(new ImageSize(64, 48));
        assertThat(jpeg.orientation()).isEqualTo(Orientation.ROTATE_90_CW);
        assertThat(jpeg.uprightSize()).isEqualTo(new ImageSize(48, 64));

        ImageInfo png = probe.probe(TestImages.png(TestImages.quadrants(30, 20)));
        assertThat(png.format()).isEqualTo(SourceFormat.PNG);
        assertThat(png.storedSize()).isEqualTo(new ImageSize(30, 20));
        assertThat(png.orientation()).isEqualTo(Orientation.NORMAL);

        byte[] webp = new VariantEncoder().encode(StandardImages.standardize(TestImages.quadrants(40, 10)), VariantFormat.WEBP);
        ImageInfo info = probe.probe(webp);
        assertThat(info.format()).isEqualTo(SourceFormat.WEBP);
        assertThat(info.storedSize()).isEqualTo(new ImageSize(40, 10));
    }

    @Test
    void refusesAPixelBombBeforeDecodingAnything() {
        byte[] bomb = CraftedFiles.pngBomb(30_000, 30_000);
        assertThat(bomb.length).isLessThan(150_000);

        long allocatedBefore = allocatedBytes();
        assertThatThrownBy(() -> probe.probe(bomb))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage("image is 30000×30000 = 900 MP, above the 50 MP limit");
        assertThatThrownBy(() -> StandardVariants.pipeline().render(bomb, StandardVariants.PRESETS, VariantFormat.ALL))
                .isInstanceOf(ImageRejectedException.class);
        // 900 MP of 1-bit pixels would take over 100 MB decoded; only the header was read.
        assertThat(allocatedBytes() - allocatedBefore).isLessThan(16L * 1024 * 1024);
    }

    @Test
    void refusesAJpegWhoseFrameHeaderDeclaresTooManyPixels() {
        byte[] jpeg = CraftedFiles.withDeclaredJpegSize(TestImages.jpeg(TestImages.quadrants(16, 16)), 20_000, 20_000);
        assertThatThrownBy(() -> probe.probe(jpeg))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage("image is 20000×20000 = 400 MP, above the 50 MP limit");
    }

    @Test
    void thePixelLimitIsConfigurable() {
        ImageProbe strict = new ImageProbe(1_000_000, ImageProbe.DEFAULT_MAX_BYTES);
        byte[] png = TestImages.png(new BufferedImage(2000, 1000, BufferedImage.TYPE_BYTE_GRAY));
        assertThatThrownBy(() -> strict.probe(png)).hasMessage("image is 2000×1000 = 2 MP, above the 1 MP limit");
        assertThat(new ImageProbe(2_000_000, ImageProbe.DEFAULT_MAX_BYTES).probe(png).storedSize().pixels()).isEqualTo(2_000_000);
    }

    @Test
    void refusesWhatIsNotAnAcceptedImage() {
        for (byte[] notAnImage : List.of(new byte[0], "GIF89a....".getBytes(), "%PDF-1.7".getBytes(), new byte[]{(byte) 0xFF, (byte) 0xD8})) {
            assertThatThrownBy(() -> probe.probe(notAnImage))
                    .isInstanceOf(ImageRejectedException.class)
                    .hasMessage("not a JPEG, PNG or WebP image");
        }
    }

    @Test
    void refusesCorruptHeadersWithAReason() {
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0x42);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;
        assertThatThrownBy(() -> probe.probe(garbage))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageStartingWith("corrupt JPEG header");

        byte[] png = TestImages.png(TestImages.solid(10, 10, Color.RED, BufferedImage.TYPE_3BYTE_BGR));
        assertThatThrownBy(() -> probe.probe(Arrays.copyOf(png, 20)))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageStartingWith("corrupt PNG header");

        byte[] webpHeaderOnly = Arrays.copyOf("RIFF\0\0\0\0WEBPVP8 ".getBytes(), 20);
        assertThatThrownBy(() -> probe.probe(webpHeaderOnly))
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
