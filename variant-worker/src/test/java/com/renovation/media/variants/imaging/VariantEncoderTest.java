package com.renovation.media.variants.imaging;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class VariantEncoderTest {

    private final VariantEncoder encoder = new VariantEncoder();

    /** Left half opaque blue, right half fully transparent. */
    private static BufferedImage halfTransparent() {
        BufferedImage straight = new BufferedImage(64, 32, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                straight.setRGB(x, y, x < 32 ? 0xFF0000FF : 0x00000000);
            }
        }
        return StandardImages.standardize(straight);
    }

    @Test
    void jpegIsBaselineWithOnlyTheBareStructure() {
        byte[] jpeg = encoder.encode(TestImages.photoLike(120, 80, 1), VariantFormat.JPEG);
        // APP0 (JFIF), quantisation tables, baseline frame (SOF0), Huffman tables, scan: no APP1..APP15, no comment.
        assertThat(MetadataInspector.jpegMarkers(jpeg)).containsOnly(0xE0, 0xDB, 0xC0, 0xC4, 0xDA);
    }

    @Test
    void theQualityReportedForAJpegIsTheOneItsTablesWereWrittenWith() {
        byte[] jpeg = encoder.encode(TestImages.photoLike(120, 80, 1), VariantFormat.JPEG);
        assertThat(JpegQuality.of(jpeg)).isEqualTo(encoder.quality(VariantFormat.JPEG)).isBetween(1, 100);
    }

    @Test
    void onlyEncodersWithAQualityScaleReportOne() {
        assertThat(encoder.quality(VariantFormat.WEBP)).isBetween(1, 100);
        // avifenc is driven by a quantizer range: no quality to record
        assertThat(encoder.quality(VariantFormat.AVIF)).isNull();
    }

    @Test
    void jpegFlattensTransparencyOnWhite() {
        BufferedImage decoded = TestImages.read(encoder.encode(halfTransparent(), VariantFormat.JPEG));
        ImageDecoderTest.assertColor(decoded, 56, 16, 255, 255, 255, 3);
        ImageDecoderTest.assertColor(decoded, 8, 16, 0, 0, 255, 8);
    }

    @Test
    void webpKeepsAlphaAndCarriesNoMetadataChunks() {
        byte[] webp = encoder.encode(halfTransparent(), VariantFormat.WEBP);
        assertThat(MetadataInspector.webpChunks(webp)).doesNotContain("EXIF", "XMP ", "ICCP");
        BufferedImage decoded = ImageDecoderTestSupport.decodeWebp(webp);
        assertThat(Pixels.alpha(decoded, 56, 16)).isZero();
        assertThat(Pixels.alpha(decoded, 8, 16)).isEqualTo(255);
        assertThat(Pixels.blue(decoded, 8, 16)).isGreaterThan(230);
    }

    @Test
    void webpOfAnOpaqueImageIsLossyWithoutAlpha() {
        byte[] webp = encoder.encode(TestImages.photoLike(120, 80, 1), VariantFormat.WEBP);
        assertThat(MetadataInspector.webpChunks(webp)).containsExactly("VP8 ");
    }

    @Test
    void avifIsMadeByAvifencWhereInstalled() {
        assumeTrue(AvifSupport.available(), "avifenc is not on the PATH");
        byte[] avif = encoder.encode(halfTransparent(), VariantFormat.AVIF);
        assertThat(MetadataInspector.contains(avif, "ftypavif")).isTrue();
        assertThat(MetadataInspector.contains(avif, "Exif")).isFalse();
        assertThat(MetadataInspector.contains(avif, "prof")).as("no ICC colour box").isFalse();
    }
}
