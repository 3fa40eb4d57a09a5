package com.renovation.media.variants.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.Color;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What libvips makes of each kind of source the worker accepts: rendered at full size (a box larger than the
 * source: never upscaled), WebP where alpha matters, and read back.
 */
class SourceDecodingTest {

    private static final VariantPreset FULL = new VariantPreset("full", 4096, 4096);

    private final VariantPipeline pipeline = StandardVariants.pipeline();

    private BufferedImage rendered(byte[] source, VariantFormat format) {
        List<RenderedVariant> variants = pipeline.render(source, List.of(FULL), List.of(format));
        return TestImages.read(variants.get(0).bytes());
    }

    @Test
    void decodesABaselineAndAProgressiveJpeg() {
        assertColor(rendered(TestImages.jpeg(TestImages.solid(40, 30, new Color(200, 60, 20), BufferedImage.TYPE_3BYTE_BGR)),
                VariantFormat.JPEG), 20, 15, 200, 60, 20, 6);
        byte[] progressive = TestImages.jpeg(TestImages.quadrants(64, 48), true);
        assertThat(MetadataInspector.jpegMarkers(progressive)).contains(0xC2); // SOF2: progressive
        BufferedImage image = rendered(progressive, VariantFormat.JPEG);
        assertColor(image, 10, 10, 255, 0, 0, 14);
        assertColor(image, 54, 38, 0, 0, 255, 14);
    }

    @Test
    void decodesACmykJpegWithPlausibleColours() {
        assertColor(rendered(CraftedFiles.cmykJpeg(32, 32, 0, 255, 255, 0), VariantFormat.JPEG), 16, 16, 255, 0, 0, 50);
        // Half black on top: a darker red. Readers that ignore the K channel or the Adobe inversion get this wrong.
        BufferedImage darkRed = rendered(CraftedFiles.cmykJpeg(32, 32, 0, 255, 255, 128), VariantFormat.JPEG);
        assertThat(Pixels.red(darkRed, 16, 16)).as(Pixels.rgb(darkRed, 16, 16)).isBetween(70, 170);
        assertThat(Pixels.green(darkRed, 16, 16)).isLessThan(60);
        // Press cyan is darker than screen cyan: a CMYK profile maps it to about (0, 158, 224).
        assertColor(rendered(CraftedFiles.cmykJpeg(32, 32, 255, 0, 0, 0), VariantFormat.JPEG), 16, 16, 0, 158, 224, 40);
    }

    @Test
    void convertsAnIccProfiledJpegToSrgb() {
        // Stored value 100 means 100/255 in linear light, which is 169 in sRGB: the profile must be applied.
        byte[] jpeg = CraftedFiles.withIccProfile(
                TestImages.jpeg(TestImages.solid(32, 32, new Color(100, 100, 100), BufferedImage.TYPE_3BYTE_BGR)),
                ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB));
        BufferedImage image = rendered(jpeg, VariantFormat.JPEG);
        assertThat(Pixels.green(image, 16, 16)).as(Pixels.rgb(image, 16, 16)).isBetween(160, 178);
    }

    @Test
    void decodesA16BitPng() {
        assertColor(rendered(TestImages.png(TestImages.rgb16(20, 20, 0xFFFF, 0x8080, 0x0000)), VariantFormat.JPEG),
                5, 5, 255, 128, 0, 4);
    }

    @Test
    void decodesGrayPngsWithoutChangingTheirTone() {
        BufferedImage gray8 = TestImages.solid(20, 20, new Color(100, 100, 100), BufferedImage.TYPE_BYTE_GRAY);
        assertColor(rendered(TestImages.png(gray8), VariantFormat.JPEG), 3, 3, 100, 100, 100, 2);

        BufferedImage gray16 = new BufferedImage(20, 20, BufferedImage.TYPE_USHORT_GRAY);
        int[] samples = new int[400];
        Arrays.fill(samples, 100 * 257);
        gray16.getRaster().setSamples(0, 0, 20, 20, 0, samples);
        assertColor(rendered(TestImages.png(gray16), VariantFormat.JPEG), 3, 3, 100, 100, 100, 2);
    }

    @Test
    void decodesAGrayPngWithAlpha() {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY),
                new int[]{8, 8}, true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(20, 20);
        for (int x = 0; x < 20; x++) {
            for (int y = 0; y < 20; y++) {
                raster.setPixel(x, y, x < 10 ? new int[]{100, 255} : new int[]{0, 0});
            }
        }
        BufferedImage image = rendered(TestImages.png(new BufferedImage(model, raster, false, null)), VariantFormat.WEBP);
        assertColor(image, 3, 3, 100, 100, 100, 6);
        assertThat(Pixels.alpha(image, 15, 3)).isZero();
    }

    @Test
    void decodesAPalettePngWithTransparency() {
        BufferedImage image = rendered(TestImages.png(TestImages.palette(40, 30)), VariantFormat.WEBP);
        assertThat(Pixels.alpha(image, 5, 5)).isZero();
        assertColor(image, 30, 2, 255, 0, 0, 12);
        assertColor(image, 30, 28, 0, 0, 255, 12);
    }

    @Test
    void decodesLossyAndLosslessWebpWithAlpha() {
        for (boolean lossless : new boolean[]{false, true}) {
            BufferedImage image = rendered(TestImages.webp(TestImages.palette(40, 30), lossless), VariantFormat.WEBP);
            assertThat(Pixels.alpha(image, 5, 5)).isZero();
            assertThat(Pixels.red(image, 30, 2)).isGreaterThan(200);
        }
    }

    /** Each orientation's stored pixels, once rendered, show the same upright quadrants. */
    @ParameterizedTest
    @EnumSource(Orientation.class)
    void appliesEveryExifOrientation(Orientation orientation) {
        BufferedImage stored = Turns.stored(orientation, TestImages.quadrants(80, 40));
        BufferedImage turned = rendered(CraftedFiles.jpegWithExif(stored, orientation.exifValue()), VariantFormat.JPEG);
        assertThat(new ImageSize(turned.getWidth(), turned.getHeight())).isEqualTo(new ImageSize(80, 40));
        assertColor(turned, 10, 5, 255, 0, 0, 14);    // red, top-left
        assertColor(turned, 70, 5, 0, 255, 0, 14);    // green, top-right
        assertColor(turned, 10, 35, 255, 255, 0, 14); // yellow, bottom-left
        assertColor(turned, 70, 35, 0, 0, 255, 14);   // blue, bottom-right
    }

    @Test
    void readsTheOrientationOfPngAndWebpToo() {
        BufferedImage stored = Turns.stored(Orientation.ROTATE_90_CW, TestImages.quadrants(80, 40)); // 40×80

        BufferedImage png = rendered(CraftedFiles.pngWithExif(stored, 6), VariantFormat.JPEG);
        assertThat(new ImageSize(png.getWidth(), png.getHeight())).isEqualTo(new ImageSize(80, 40));
        assertColor(png, 10, 5, 255, 0, 0, 14);
        assertColor(png, 70, 35, 0, 0, 255, 14);

        BufferedImage webp = rendered(CraftedFiles.webpWithExif(TestImages.webp(stored, false), 40, 80, 6),
                VariantFormat.JPEG);
        assertThat(new ImageSize(webp.getWidth(), webp.getHeight())).isEqualTo(new ImageSize(80, 40));
        assertColor(webp, 10, 5, 255, 0, 0, 24);
        assertColor(webp, 70, 35, 0, 0, 255, 24);
    }

    @Test
    void decodesShrunkOnLoadOnlyAsFarAsTheTargetAllows() {
        ImageSize photo = new ImageSize(4000, 3000);
        assertThat(ShrinkOnLoad.of(SourceFormat.JPEG, photo, new ImageSize(1200, 900))).isEqualTo(2);
        assertThat(ShrinkOnLoad.of(SourceFormat.JPEG, new ImageSize(6000, 4000), new ImageSize(1200, 800))).isEqualTo(4);
        assertThat(ShrinkOnLoad.of(SourceFormat.JPEG, photo, new ImageSize(267, 200))).isEqualTo(8);
        assertThat(ShrinkOnLoad.of(SourceFormat.WEBP, photo, new ImageSize(1200, 900))).isEqualTo(2);
        assertThat(ShrinkOnLoad.of(SourceFormat.PNG, photo, new ImageSize(267, 200))).isEqualTo(1);
        assertThat(ShrinkOnLoad.of(SourceFormat.JPEG, new ImageSize(2000, 1500), new ImageSize(1200, 900))).isEqualTo(1);
    }

    @Test
    void refusesATruncatedJpegPngOrWebp() {
        byte[] jpeg = TestImages.jpeg(TestImages.photoLike(300, 200, 3));
        byte[] png = TestImages.png(TestImages.photoLike(300, 200, 3));
        byte[] webp = TestImages.webp(TestImages.photoLike(300, 200, 3), false);
        for (byte[] whole : List.of(jpeg, png, webp)) {
            byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
            assertThatThrownBy(() -> rendered(truncated, VariantFormat.JPEG))
                    .isInstanceOf(ImageRejectedException.class).hasMessageStartingWith("corrupt");
        }
    }

    static void assertColor(BufferedImage image, int x, int y, int r, int g, int b, int tolerance) {
        String actual = Pixels.rgb(image, x, y);
        assertThat(Pixels.red(image, x, y)).as("red at %d,%d of %s", x, y, actual).isBetween(r - tolerance, r + tolerance);
        assertThat(Pixels.green(image, x, y)).as("green at %d,%d of %s", x, y, actual).isBetween(g - tolerance, g + tolerance);
        assertThat(Pixels.blue(image, x, y)).as("blue at %d,%d of %s", x, y, actual).isBetween(b - tolerance, b + tolerance);
    }
}
