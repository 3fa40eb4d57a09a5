package com.renovation.media.variants.imaging;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VariantEncoderTest {

    private static final VariantPreset FULL = new VariantPreset("full", 4096, 4096);
    private final VariantPipeline pipeline = StandardVariants.pipeline();

    private byte[] encode(BufferedImage image, VariantFormat format) {
        return pipeline.render(TestImages.png(image), List.of(FULL), List.of(format)).get(0).bytes();
    }

    /** Left half opaque blue, right half fully transparent. */
    private static BufferedImage halfTransparent() {
        BufferedImage straight = new BufferedImage(64, 32, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                straight.setRGB(x, y, x < 32 ? 0xFF0000FF : 0x00000000);
            }
        }
        return straight;
    }

    @Test
    void jpegIsBaselineWithOnlyTheBareStructure() {
        byte[] jpeg = encode(TestImages.photoLike(120, 80, 1), VariantFormat.JPEG);
        // Quantisation tables, baseline frame (SOF0), Huffman tables, scan, at most a JFIF APP0: no APP1..APP15, no comment.
        assertThat(MetadataInspector.jpegMarkers(jpeg)).contains(0xDB, 0xC0, 0xC4, 0xDA).isSubsetOf(0xE0, 0xDB, 0xC0, 0xC4, 0xDA);
    }

    @Test
    void theQualityReportedForAJpegIsTheOneItsTablesWereWrittenWith() {
        byte[] jpeg = encode(TestImages.photoLike(120, 80, 1), VariantFormat.JPEG);
        assertThat(JpegQuality.of(jpeg)).isEqualTo(VariantEncoder.quality(VariantFormat.JPEG)).isBetween(1, 100);
    }

    @Test
    void everyFormatReportsTheQualityItIsWrittenWith() {
        for (VariantFormat format : VariantFormat.ALL) {
            assertThat(VariantEncoder.quality(format)).as(format.name()).isBetween(1, 100);
        }
    }

    @Test
    void jpegFlattensTransparencyOnWhite() {
        BufferedImage decoded = TestImages.read(encode(halfTransparent(), VariantFormat.JPEG));
        SourceDecodingTest.assertColor(decoded, 56, 16, 255, 255, 255, 3);
        SourceDecodingTest.assertColor(decoded, 8, 16, 0, 0, 255, 8);
    }

    @Test
    void webpKeepsAlphaAndCarriesNoMetadataChunks() {
        byte[] webp = encode(halfTransparent(), VariantFormat.WEBP);
        assertThat(MetadataInspector.webpChunks(webp)).doesNotContain("EXIF", "XMP ", "ICCP");
        BufferedImage decoded = TestImages.read(webp);
        assertThat(Pixels.alpha(decoded, 56, 16)).isZero();
        assertThat(Pixels.alpha(decoded, 8, 16)).isEqualTo(255);
        assertThat(Pixels.blue(decoded, 8, 16)).isGreaterThan(230);
    }

    @Test
    void webpOfAnOpaqueImageIsLossyWithoutAlpha() {
        byte[] webp = encode(TestImages.photoLike(120, 80, 1), VariantFormat.WEBP);
        assertThat(MetadataInspector.webpChunks(webp)).containsExactly("VP8 ");
    }

    @Test
    void avifKeepsNoMetadata() {
        byte[] avif = encode(halfTransparent(), VariantFormat.AVIF);
        assertThat(MetadataInspector.contains(avif, "ftypavif")).isTrue();
        assertThat(MetadataInspector.contains(avif, "Exif")).isFalse();
        assertThat(MetadataInspector.contains(avif, "prof")).as("no ICC colour box").isFalse();
    }
}
