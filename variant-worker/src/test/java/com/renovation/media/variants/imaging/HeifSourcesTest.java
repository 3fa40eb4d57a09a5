package com.renovation.media.variants.imaging;

import static com.renovation.media.variants.imaging.SourceDecodingTest.assertColor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.storage.filetype.HeifMeta;
import com.renovation.media.variants.imaging.heif.HeifDecoder;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HEIC and AVIF sources through the real decoder (Debian's heif-convert in its own process) and then libvips:
 * upright by the container's irot and never again by EXIF, only the primary image, transparency kept, and every
 * hostile shape refused with its reason, leaving nothing in the decoder's directory.
 */
class HeifSourcesTest {

    private static final VariantPreset FULL = new VariantPreset("full", 4096, 4096);

    @TempDir
    Path work;

    private VariantPipeline pipeline;

    @BeforeEach
    void decoderInItsOwnDirectory() {
        pipeline = new VariantPipeline(new ImageProbe(), decoder(HeifDecoder.DEFAULT_TIMEOUT,
                HeifDecoder.DEFAULT_MEMORY_BASE));
    }

    private HeifDecoder decoder(Duration timeout, long memoryBase) {
        return new HeifDecoder(HeifDecoder.DEFAULT_COMMAND, timeout, work, memoryBase);
    }

    @AfterEach
    void nothingIsLeftBehind() throws IOException {
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.toList()).as("files left by the decoder").isEmpty();
        }
    }

    private BufferedImage rendered(byte[] source, VariantFormat format) {
        List<RenderedVariant> variants = pipeline.render(source, List.of(FULL), List.of(format));
        return TestImages.read(variants.get(0).bytes());
    }

    private static void assertRedOverBlue(BufferedImage image, int width, int height) {
        assertThat(new ImageSize(image.getWidth(), image.getHeight())).isEqualTo(new ImageSize(width, height));
        assertColor(image, width / 2, height / 4, 255, 0, 0, 40);
        assertColor(image, width / 2, 3 * height / 4, 0, 0, 255, 40);
    }

    @Test
    void aHeicGetsTheSameVariantsAsAJpeg() {
        byte[] heic = HeifFixtures.heic(HeifFixtures.redOverBlue(640, 480));
        assertThat(SourceFormat.detect(heic)).contains(SourceFormat.HEIF);
        List<RenderedVariant> variants = pipeline.render(heic, StandardVariants.PRESETS,
                List.of(VariantFormat.JPEG, VariantFormat.WEBP));
        assertThat(variants).extracting(RenderedVariant::preset, RenderedVariant::format, RenderedVariant::width,
                RenderedVariant::height).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(StandardVariants.OPTIMIZED, VariantFormat.JPEG, 640, 480),
                        org.assertj.core.groups.Tuple.tuple(StandardVariants.OPTIMIZED, VariantFormat.WEBP, 640, 480),
                        org.assertj.core.groups.Tuple.tuple(StandardVariants.THUMBNAIL, VariantFormat.JPEG, 267, 200),
                        org.assertj.core.groups.Tuple.tuple(StandardVariants.THUMBNAIL, VariantFormat.WEBP, 267, 200));
        for (RenderedVariant variant : variants) {
            assertRedOverBlue(TestImages.read(variant.bytes()), variant.width(), variant.height());
            assertThat(MetadataInspector.contains(variant.bytes(), "Exif")).isFalse();
        }
    }

    @Test
    void anAvifSourceIsDecodedTheSameWay() {
        byte[] avif = HeifFixtures.avif(HeifFixtures.redOverBlue(320, 240));
        assertThat(SourceFormat.detect(avif)).contains(SourceFormat.HEIF);
        assertRedOverBlue(rendered(avif, VariantFormat.JPEG), 320, 240);
    }

    /**
     * A picture taken in portrait: the sensor's landscape pixels (the upright picture turned a quarter clockwise)
     * and an irot that turns them back. Red must come out on top, width and height swapped against the stored ones.
     */
    @Test
    void anIrotTurnsThePictureUpright() {
        BufferedImage stored = Turns.apply(Orientation.ROTATE_90_CW, HeifFixtures.redOverBlue(240, 320)); // 320×240
        byte[] heic = HeifBoxes.withRotation(HeifFixtures.heic(stored), 1);
        assertThat(HeifMeta.read(heic).primarySize()).hasValueSatisfying(size -> assertThat(size.width()).isEqualTo(320));
        assertRedOverBlue(rendered(heic, VariantFormat.JPEG), 240, 320);
        assertRedOverBlue(rendered(heic, VariantFormat.WEBP), 240, 320);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void everyQuarterTurnOfIrotIsApplied(int quarterTurns) {
        BufferedImage upright = HeifFixtures.redOverBlue(240, 160);
        // what irot turns anticlockwise, the camera stored turned clockwise
        BufferedImage stored = upright;
        for (int i = 0; i < quarterTurns; i++) {
            stored = Turns.apply(Orientation.ROTATE_90_CW, stored);
        }
        byte[] heic = HeifBoxes.withRotation(HeifFixtures.heic(stored), quarterTurns);
        assertRedOverBlue(rendered(heic, VariantFormat.JPEG), 240, 160);
    }

    /** iPhones write the turn twice, as irot and as EXIF orientation 6: turned once, it is upright. */
    @Test
    void anExifOrientationInsideTheHeicIsNotAppliedAgain() {
        BufferedImage stored = Turns.apply(Orientation.ROTATE_90_CW, HeifFixtures.redOverBlue(240, 320));
        byte[] iphone = HeifBoxes.withRotation(HeifFixtures.heicWithExifOrientation(stored, 6), 1);
        assertThat(MetadataInspector.contains(iphone, "Exif")).isTrue();
        assertThat(new ImageProbe().probe(iphone).orientation()).isEqualTo(Orientation.NORMAL);
        assertRedOverBlue(rendered(iphone, VariantFormat.JPEG), 240, 320);

        // without irot, EXIF alone does not turn a HEIF picture either: the container is what libheif follows
        BufferedImage upright = HeifFixtures.redOverBlue(320, 240);
        assertRedOverBlue(rendered(HeifFixtures.heicWithExifOrientation(upright, 6), VariantFormat.JPEG), 320, 240);
    }

    @Test
    void onlyThePrimaryImageOfSeveralIsDecoded() {
        byte[] two = HeifFixtures.heicOfSeveral(HeifFixtures.redOverBlue(320, 240),
                TestImages.solid(640, 480, Color.GREEN, BufferedImage.TYPE_3BYTE_BGR));
        assertThat(HeifMeta.read(two).items()).filteredOn(item -> !item.hidden()).hasSize(2);
        List<RenderedVariant> variants = pipeline.render(two, List.of(FULL), List.of(VariantFormat.JPEG));
        assertThat(variants).hasSize(1);
        assertRedOverBlue(TestImages.read(variants.get(0).bytes()), 320, 240);
    }

    @Test
    void aHeicWithAlphaKeepsItsTransparency() {
        BufferedImage half = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                half.setRGB(x, y, x < 32 ? 0xFFFF0000 : 0x00000000);
            }
        }
        byte[] heic = HeifFixtures.heic(half);
        assertThat(HeifMeta.read(heic).primaryHasAlpha()).isTrue();
        BufferedImage webp = rendered(heic, VariantFormat.WEBP);
        assertThat(Pixels.alpha(webp, 10, 32)).isGreaterThan(240);
        assertThat(Pixels.red(webp, 10, 32)).isGreaterThan(200);
        assertThat(Pixels.alpha(webp, 54, 32)).isLessThan(16);
    }

    // hostile sources

    @Test
    void aTruncatedHeicIsRefusedFromItsContainerOrByTheDecoder() {
        byte[] heic = HeifFixtures.heic(TestImages.photoLike(640, 480, 9));
        byte[] cutInData = Arrays.copyOf(heic, heic.length / 2);
        assertThatThrownBy(() -> rendered(cutInData, VariantFormat.JPEG))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageStartingWith("could not decode the HEIF image: ")
                .hasMessageContaining("end of file");
        byte[] cutInMeta = Arrays.copyOf(heic, 200);
        assertThatThrownBy(() -> rendered(cutInMeta, VariantFormat.JPEG))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage("corrupt HEIF container: no complete meta box");
    }

    @Test
    void aHeicDeclaringMorePixelsThanTheLimitIsRefusedBeforeDecoding() {
        byte[] huge = HeifBoxes.withDeclaredSize(HeifFixtures.heic(HeifFixtures.redOverBlue(64, 48)), 60_000, 60_000);
        // the decoder is never started: this one would fail otherwise
        VariantPipeline noDecoder = new VariantPipeline(new ImageProbe(),
                new HeifDecoder("/nonexistent/heif-convert", Duration.ofSeconds(5), work, HeifDecoder.DEFAULT_MEMORY_BASE));
        assertThatThrownBy(() -> noDecoder.render(huge, List.of(FULL), List.of(VariantFormat.JPEG)))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage("image is 60000×60000 = 3600 MP, above the 50 MP limit");
    }

    @Test
    void garbageAfterAValidFtypIsRefusedFromTheContainer() {
        byte[] garbage = new byte[5000];
        new java.util.Random(17).nextBytes(garbage);
        byte[] heic = HeifFixtures.heic(HeifFixtures.redOverBlue(64, 48));
        int ftypLength = heic[3];
        byte[] hostile = new byte[ftypLength + garbage.length];
        System.arraycopy(heic, 0, hostile, 0, ftypLength);
        System.arraycopy(garbage, 0, hostile, ftypLength, garbage.length);
        assertThat(SourceFormat.detect(hostile)).contains(SourceFormat.HEIF);
        assertThatThrownBy(() -> rendered(hostile, VariantFormat.JPEG))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageStartingWith("corrupt HEIF container: ");
    }

    /**
     * A container that declares a small picture around a larger coded one: the decoder's memory is sized by the
     * declaration. With 60 MB for what is not pixels (libheif and its codecs need about 51), a picture as small as
     * declared decodes and the 6 MP one inside the lie does not.
     */
    @Test
    void aHeicWhoseCodedImageIsLargerThanDeclaredRunsOutOfItsMemoryLimit() {
        pipeline = new VariantPipeline(new ImageProbe(), decoder(Duration.ofSeconds(20), 60L * 1024 * 1024));
        assertRedOverBlue(rendered(HeifFixtures.heic(HeifFixtures.redOverBlue(64, 48)), VariantFormat.JPEG), 64, 48);

        byte[] lying = HeifBoxes.withDeclaredSize(HeifFixtures.heic(HeifFixtures.redOverBlue(3000, 2000)), 64, 48);
        assertThatThrownBy(() -> rendered(lying, VariantFormat.JPEG))
                .isInstanceOf(ImageRejectedException.class)
                .message().satisfiesAnyOf(
                        message -> assertThat(message).startsWith("could not decode the HEIF image: "),
                        message -> assertThat(message).startsWith("the HEIF decoder was stopped by signal"),
                        message -> assertThat(message).startsWith("decoding the HEIF image took longer than"));
    }

    /** A photo-like HEIC whose decode takes a few hundred milliseconds; encoded once. */
    private static byte[] photo() {
        return Photo.HEIC;
    }

    private static final class Photo {
        static final byte[] HEIC = HeifFixtures.heic(TestImages.photoLike(2400, 1800, 4));
    }

    @Test
    void aDecodeBeyondItsTimeoutIsKilled() {
        byte[] heic = photo();
        pipeline = new VariantPipeline(new ImageProbe(), decoder(Duration.ofMillis(30), HeifDecoder.DEFAULT_MEMORY_BASE));
        long start = System.nanoTime();
        assertThatThrownBy(() -> rendered(heic, VariantFormat.JPEG))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage("decoding the HEIF image took longer than 30 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anAbortedRenderStopsTheDecoderWithTheAbortsReason() throws Exception {
        byte[] heic = photo();
        RenderAbort abort = new RenderAbort();
        Thread aborter = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                return;
            }
            abort.abort("took too long");
        });
        abort.start();
        try {
            assertThatThrownBy(() -> pipeline.render(heic, List.of(FULL), List.of(VariantFormat.JPEG), abort))
                    .isInstanceOf(ImageRejectedException.class).hasMessage("took too long");
        } finally {
            abort.finish();
            aborter.join();
        }
    }
}
