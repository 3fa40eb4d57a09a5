package com.renovation.media.variants.imaging;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VariantPipelineTest {

    private static final List<VariantFormat> JPEG_AND_WEBP = List.of(VariantFormat.JPEG, VariantFormat.WEBP);

    private final VariantPipeline pipeline = StandardVariants.pipeline();

    @Test
    void eachVariantCarriesTheQualityItWasEncodedWith() {
        List<RenderedVariant> variants = pipeline.render(TestImages.png(TestImages.photoLike(800, 600, 3)),
                StandardVariants.PRESETS, JPEG_AND_WEBP);

        assertThat(variants).hasSize(4).allSatisfy(v -> assertThat(v.quality()).isEqualTo(VariantEncoder.quality(v.format())));
        assertThat(variants).filteredOn(v -> v.format() == VariantFormat.JPEG).hasSize(2)
                .allSatisfy(v -> assertThat(JpegQuality.of(v.bytes())).as(v.toString()).isEqualTo(v.quality()));
    }

    @Test
    void turnsAnExifRotatedPhotoUprightAndStripsExifAndGps() {
        // Stored 4000×3000, shown rotated 90° clockwise: 3000×4000 upright.
        BufferedImage upright = TestImages.quadrants(3000, 4000);
        byte[] source = CraftedFiles.jpegWithExif(Turns.stored(Orientation.ROTATE_90_CW, upright), 6);
        assertThat(MetadataInspector.contains(source, CraftedFiles.LEAK_MARKER)).isTrue();

        List<RenderedVariant> variants = pipeline.render(source, StandardVariants.PRESETS, JPEG_AND_WEBP);

        assertThat(variants).extracting(v -> v.preset().name() + " " + v.format() + " " + v.width() + "×" + v.height())
                .containsExactly("optimized JPEG 900×1200", "optimized WEBP 900×1200",
                        "thumbnail JPEG 150×200", "thumbnail WEBP 150×200");
        for (RenderedVariant variant : variants) {
            assertThat(MetadataInspector.contains(variant.bytes(), "Exif")).as(variant.toString()).isFalse();
            assertThat(MetadataInspector.contains(variant.bytes(), CraftedFiles.LEAK_MARKER)).as(variant.toString()).isFalse();
            assertThat(MetadataInspector.contains(variant.bytes(), "ICC_PROFILE")).as(variant.toString()).isFalse();
            BufferedImage decoded = TestImages.read(variant.bytes());
            assertThat(decoded.getWidth()).isEqualTo(variant.width());
            assertThat(decoded.getHeight()).isEqualTo(variant.height());
            int w = decoded.getWidth();
            int h = decoded.getHeight();
            SourceDecodingTest.assertColor(decoded, w / 8, h / 8, 255, 0, 0, 24);             // red top-left
            SourceDecodingTest.assertColor(decoded, w * 7 / 8, h * 7 / 8, 0, 0, 255, 24);     // blue bottom-right
        }
        RenderedVariant jpeg = variants.get(0);
        assertThat(MetadataInspector.jpegMarkers(jpeg.bytes())).doesNotContain(0xE1, 0xE2, 0xED, 0xFE);
        assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
        assertThat(MetadataInspector.webpChunks(variants.get(1).bytes())).doesNotContain("EXIF", "XMP ", "ICCP");
    }

    @Test
    void keepsAlphaInWebpAndPutsWhiteUnderItInJpeg() {
        BufferedImage straight = new BufferedImage(600, 400, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 600; x++) {
                straight.setRGB(x, y, x < 300 ? 0xFF008000 : 0x00FF00FF);
            }
        }
        List<RenderedVariant> variants = pipeline.render(TestImages.png(straight), StandardVariants.PRESETS, JPEG_AND_WEBP);

        RenderedVariant webp = find(variants, StandardVariants.THUMBNAIL, VariantFormat.WEBP);
        BufferedImage webpPixels = TestImages.read(webp.bytes());
        assertThat(Pixels.alpha(webpPixels, 280, 100)).isZero();
        assertThat(Pixels.alpha(webpPixels, 20, 100)).isEqualTo(255);

        BufferedImage jpegPixels = TestImages.read(find(variants, StandardVariants.THUMBNAIL, VariantFormat.JPEG).bytes());
        SourceDecodingTest.assertColor(jpegPixels, 280, 100, 255, 255, 255, 3);
        SourceDecodingTest.assertColor(jpegPixels, 20, 100, 0, 128, 0, 10);
    }

    @Test
    void neverUpscalesASmallSource() {
        List<RenderedVariant> variants = pipeline.render(TestImages.jpeg(TestImages.photoLike(800, 600, 4)),
                StandardVariants.PRESETS, List.of(VariantFormat.JPEG));
        assertThat(find(variants, StandardVariants.OPTIMIZED, VariantFormat.JPEG))
                .extracting(RenderedVariant::width, RenderedVariant::height).containsExactly(800, 600);
        assertThat(find(variants, StandardVariants.THUMBNAIL, VariantFormat.JPEG))
                .extracting(RenderedVariant::width, RenderedVariant::height).containsExactly(267, 200);
    }

    @Test
    void makesEveryFormatAskedFor() {
        List<RenderedVariant> variants = pipeline.render(TestImages.jpeg(TestImages.photoLike(640, 480, 4)),
                List.of(StandardVariants.THUMBNAIL), VariantFormat.ALL);
        assertThat(variants).extracting(RenderedVariant::format).containsExactlyElementsOf(VariantFormat.ALL);
        assertThat(MetadataInspector.contains(variants.get(2).bytes(), "ftypavif")).isTrue();
    }

    @Test
    void rejectsCorruptOrTruncatedInputClearly() {
        byte[] jpeg = TestImages.jpeg(TestImages.photoLike(400, 300, 9));
        assertThatThrownBy(() -> pipeline.render(java.util.Arrays.copyOf(jpeg, jpeg.length / 3), StandardVariants.PRESETS, JPEG_AND_WEBP))
                .isInstanceOf(ImageRejectedException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> pipeline.render("hello".getBytes(), StandardVariants.PRESETS, JPEG_AND_WEBP))
                .isInstanceOf(ImageRejectedException.class).hasMessage("not a JPEG, PNG, WebP, HEIC or AVIF image");
    }

    @Test
    void readsAStreamButNotPastTheByteLimit() {
        byte[] png = TestImages.png(TestImages.photoLike(300, 200, 4));
        assertThat(pipeline.render(new ByteArrayInputStream(png), List.of(StandardVariants.THUMBNAIL), List.of(VariantFormat.JPEG)))
                .hasSize(1);
        VariantPipeline small = new VariantPipeline(new ImageProbe(ImageProbe.DEFAULT_MAX_PIXELS, 10_000));
        assertThatThrownBy(() -> small.render(new ByteArrayInputStream(png), List.of(StandardVariants.THUMBNAIL), List.of(VariantFormat.JPEG)))
                .isInstanceOf(ImageRejectedException.class).hasMessageContaining("above the 9.8 KB limit");
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        byte[] source = TestImages.jpeg(TestImages.photoLike(900, 700, 11));
        List<RenderedVariant> expected = pipeline.render(source, StandardVariants.PRESETS, JPEG_AND_WEBP);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<RenderedVariant>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit(() -> pipeline.render(source, StandardVariants.PRESETS, JPEG_AND_WEBP)));
            }
            for (Future<List<RenderedVariant>> result : results) {
                List<RenderedVariant> actual = result.get();
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(actual.get(i).bytes()).isEqualTo(expected.get(i).bytes());
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void encodesTheLargestPresetsFurtherFormatsAsideWithTheSameBytesInTheSameOrder() throws Exception {
        byte[] source = TestImages.jpeg(TestImages.photoLike(1600, 1200, 12));
        List<VariantFormat> formats = List.of(VariantFormat.JPEG, VariantFormat.WEBP, VariantFormat.AVIF);
        List<RenderedVariant> inline = pipeline.render(source, StandardVariants.PRESETS, formats);
        List<String> aside = new CopyOnWriteArrayList<>();
        ExecutorService encoders = Executors.newSingleThreadExecutor();
        try {
            Executor recording = task -> encoders.execute(() -> {
                aside.add(Thread.currentThread().getName());
                task.run();
            });
            List<RenderedVariant> parallel = new VariantPipeline(new ImageProbe(), recording)
                    .render(source, StandardVariants.PRESETS, formats);

            assertThat(parallel).extracting(RenderedVariant::toString)
                    .containsExactlyElementsOf(inline.stream().map(RenderedVariant::toString).toList());
            for (int i = 0; i < inline.size(); i++) {
                assertThat(parallel.get(i).bytes()).as(inline.get(i).toString()).isEqualTo(inline.get(i).bytes());
            }
            // the optimized WebP and AVIF went aside; its JPEG and the thumbnail stayed on the rendering thread
            assertThat(aside).hasSize(2);
        } finally {
            encoders.shutdownNow();
        }
    }

    @Test
    void aFailedEncodeAsideFailsTheRenderAsARefusal() {
        byte[] source = TestImages.jpeg(TestImages.photoLike(1600, 1200, 13));
        Executor failing = task -> {
            throw new ImageRejectedException("no encoder thread");
        };
        assertThatThrownBy(() -> new VariantPipeline(new ImageProbe(), failing)
                .render(source, StandardVariants.PRESETS, JPEG_AND_WEBP))
                .isInstanceOf(ImageRejectedException.class).hasMessageContaining("no encoder thread");
    }

    private static RenderedVariant find(List<RenderedVariant> variants, VariantPreset preset, VariantFormat format) {
        return variants.stream().filter(v -> v.preset().equals(preset) && v.format() == format).findFirst().orElseThrow();
    }
}
