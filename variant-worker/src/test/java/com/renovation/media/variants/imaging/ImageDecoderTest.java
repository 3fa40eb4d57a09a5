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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageDecoderTest {

    private final ImageProbe probe = new ImageProbe();
    private final ImageDecoder decoder = new ImageDecoder();

    private DecodedImage decode(byte[] bytes) {
        ImageInfo info = probe.probe(bytes);
        return decoder.decode(bytes, info, info.uprightSize());
    }

    @Test
    void decodesABaselineJpegIntoTheStandardLayout() {
        DecodedImage decoded = decode(TestImages.jpeg(TestImages.solid(40, 30, new Color(200, 60, 20), BufferedImage.TYPE_3BYTE_BGR)));
        assertThat(decoded.stored().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(StandardImages.isStandard(decoded.stored())).isTrue();
        assertColor(decoded.stored(), 20, 15, 200, 60, 20, 4);
    }

    @Test
    void decodesAProgressiveJpeg() {
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(64, 48), true);
        assertThat(MetadataInspector.jpegMarkers(jpeg)).contains(0xC2); // SOF2: progressive
        BufferedImage image = decode(jpeg).stored();
        assertColor(image, 10, 10, 255, 0, 0, 12);
        assertColor(image, 54, 38, 0, 0, 255, 12);
    }

    @Test
    void decodesACmykJpegWithPlausibleColours() {
        BufferedImage red = decode(CraftedFiles.cmykJpeg(32, 32, 0, 255, 255, 0)).stored();
        assertThat(StandardImages.hasAlpha(red)).isFalse(); // four channels, none of them alpha
        assertColor(red, 16, 16, 255, 0, 0, 40);
        // Half black on top: a darker red. Readers that ignore the K channel or the Adobe inversion get this wrong.
        BufferedImage darkRed = decode(CraftedFiles.cmykJpeg(32, 32, 0, 255, 255, 128)).stored();
        assertColor(darkRed, 16, 16, 127, 0, 0, 40);
        BufferedImage cyan = decode(CraftedFiles.cmykJpeg(32, 32, 255, 0, 0, 0)).stored();
        assertColor(cyan, 16, 16, 0, 255, 255, 40);
    }

    @Test
    void convertsAnIccProfiledJpegToSrgb() {
        // Stored value 100 means 100/255 in linear light, which is 169 in sRGB: the profile must be applied.
        byte[] jpeg = CraftedFiles.withIccProfile(
                TestImages.jpeg(TestImages.solid(32, 32, new Color(100, 100, 100), BufferedImage.TYPE_3BYTE_BGR)),
                ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB));
        BufferedImage image = decode(jpeg).stored();
        assertThat(Pixels.green(image, 16, 16)).as(Pixels.rgb(image, 16, 16)).isBetween(160, 178);
    }

    @Test
    void decodesA16BitPng() {
        BufferedImage image = decode(TestImages.png(TestImages.rgb16(20, 20, 0xFFFF, 0x8080, 0x0000))).stored();
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertColor(image, 5, 5, 255, 128, 0, 1);
    }

    @Test
    void decodesGrayPngsWithoutChangingTheirTone() {
        BufferedImage gray8 = TestImages.solid(20, 20, new Color(100, 100, 100), BufferedImage.TYPE_BYTE_GRAY);
        assertColor(decode(TestImages.png(gray8)).stored(), 3, 3, 100, 100, 100, 0);

        BufferedImage gray16 = new BufferedImage(20, 20, BufferedImage.TYPE_USHORT_GRAY);
        int[] samples = new int[400];
        Arrays.fill(samples, 100 * 257);
        gray16.getRaster().setSamples(0, 0, 20, 20, 0, samples);
        assertColor(decode(TestImages.png(gray16)).stored(), 3, 3, 100, 100, 100, 0);
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
        BufferedImage image = decode(TestImages.png(new BufferedImage(model, raster, false, null))).stored();
        assertThat(StandardImages.hasAlpha(image)).isTrue();
        assertColor(image, 3, 3, 100, 100, 100, 0);
        assertThat(Pixels.alpha(image, 15, 3)).isZero();
    }

    @Test
    void decodesAPalettePngWithTransparency() {
        BufferedImage image = decode(TestImages.png(TestImages.palette(40, 30))).stored();
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_4BYTE_ABGR_PRE);
        assertThat(Pixels.alpha(image, 5, 5)).isZero();
        assertColor(image, 30, 2, 255, 0, 0, 0);
        assertColor(image, 30, 28, 0, 0, 255, 0);
    }

    @Test
    void decodesWebpWithAlpha() {
        BufferedImage source = StandardImages.standardize(TestImages.palette(40, 30));
        byte[] webp = new VariantEncoder().encode(source, VariantFormat.WEBP);
        BufferedImage image = decode(webp).stored();
        assertThat(Pixels.alpha(image, 5, 5)).isZero();
        assertThat(Pixels.red(image, 30, 2)).isGreaterThan(200);
    }

    /** Each orientation's stored pixels, once decoded and turned, show the same upright quadrants. */
    @ParameterizedTest
    @EnumSource(Orientation.class)
    void appliesEveryExifOrientation(Orientation orientation) {
        BufferedImage upright = StandardImages.standardize(TestImages.quadrants(80, 40));
        BufferedImage stored = inverse(orientation).apply(upright);
        DecodedImage decoded = decode(CraftedFiles.jpegWithExif(stored, orientation.exifValue()));
        assertThat(decoded.orientation()).isEqualTo(orientation);
        BufferedImage turned = decoded.upright();
        assertThat(new ImageSize(turned.getWidth(), turned.getHeight())).isEqualTo(new ImageSize(80, 40));
        assertColor(turned, 10, 5, 255, 0, 0, 12);    // red, top-left
        assertColor(turned, 70, 5, 0, 255, 0, 12);    // green, top-right
        assertColor(turned, 10, 35, 255, 255, 0, 12); // yellow, bottom-left
        assertColor(turned, 70, 35, 0, 0, 255, 12);   // blue, bottom-right
    }

    @Test
    void readsTheOrientationOfPngAndWebpToo() {
        BufferedImage upright = StandardImages.standardize(TestImages.quadrants(80, 40));
        BufferedImage stored = Orientation.ROTATE_270_CW.apply(upright); // 40×80, shown turned clockwise

        DecodedImage png = decode(CraftedFiles.pngWithExif(stored, 6));
        assertThat(png.orientation()).isEqualTo(Orientation.ROTATE_90_CW);
        assertColor(png.upright(), 10, 5, 255, 0, 0, 0);
        assertColor(png.upright(), 70, 35, 0, 0, 255, 0);

        byte[] simple = new VariantEncoder().encode(stored, VariantFormat.WEBP);
        DecodedImage webp = decode(CraftedFiles.webpWithExif(simple, 40, 80, 6));
        assertThat(webp.orientation()).isEqualTo(Orientation.ROTATE_90_CW);
        assertThat(webp.uprightSize()).isEqualTo(new ImageSize(80, 40));
        assertColor(webp.upright(), 10, 5, 255, 0, 0, 24);
        assertColor(webp.upright(), 70, 35, 0, 0, 255, 24);
    }

    private static Orientation inverse(Orientation orientation) {
        return switch (orientation) {
            case ROTATE_90_CW -> Orientation.ROTATE_270_CW;
            case ROTATE_270_CW -> Orientation.ROTATE_90_CW;
            default -> orientation; // the others are their own inverse
        };
    }

    @Test
    void subsamplesOnlySourcesAboveThePixelBudgetAndKeepsHeadroom() {
        byte[] jpeg = TestImages.jpeg(TestImages.photoLike(2400, 1800, 7)); // 4.3 MP
        ImageInfo info = probe.probe(jpeg);

        // Within the default budget: decoded whole, whatever the target.
        assertThat(decoder.decode(jpeg, info, new ImageSize(267, 200)).subsampling()).isEqualTo(1);

        // Over a 1 MP budget: 4.3 MP needs n = 3 to fit, and the thumbnail still has 3× headroom (9× / 3).
        ImageDecoder tight = new ImageDecoder(1_000_000, 2.0);
        DecodedImage forThumbnail = tight.decode(jpeg, info, new ImageSize(267, 200));
        assertThat(forThumbnail.subsampling()).isEqualTo(3);
        assertThat(forThumbnail.stored().getWidth()).isEqualTo(800);

        // The optimized target (2× smaller than the source) allows no subsampling at 2× headroom.
        assertThat(tight.decode(jpeg, info, new ImageSize(1200, 900)).subsampling()).isEqualTo(1);
        assertThat(ImageDecoder.withoutSubsampling().subsampling(new ImageSize(20_000, 20_000), new ImageSize(300, 300))).isEqualTo(1);
    }

    @Test
    void boundsTheRasterOfAFiftyMegapixelSource() {
        assertThat(decoder.subsampling(new ImageSize(8660, 5773), new ImageSize(1200, 800))).isEqualTo(2);
        assertThat(decoder.subsampling(new ImageSize(6000, 4000), new ImageSize(1200, 800))).isEqualTo(1);
    }

    @Test
    void refusesATruncatedJpeg() {
        byte[] jpeg = TestImages.jpeg(TestImages.photoLike(300, 200, 3));
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);
        ImageInfo info = probe.probe(truncated); // the header is intact
        assertThatThrownBy(() -> decoder.decode(truncated, info, info.uprightSize()))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageContaining("JPEG data is truncated");
    }

    @Test
    void refusesATruncatedPngOrWebp() {
        byte[] png = TestImages.png(TestImages.photoLike(300, 200, 3));
        byte[] truncatedPng = Arrays.copyOf(png, png.length / 2);
        ImageInfo pngInfo = probe.probe(truncatedPng);
        assertThatThrownBy(() -> decoder.decode(truncatedPng, pngInfo, pngInfo.uprightSize()))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageStartingWith("corrupt or truncated PNG data");

        byte[] webp = new VariantEncoder().encode(TestImages.photoLike(300, 200, 3), VariantFormat.WEBP);
        byte[] truncatedWebp = Arrays.copyOf(webp, webp.length / 2);
        assertThatThrownBy(() -> {
            ImageInfo info = probe.probe(truncatedWebp);
            decoder.decode(truncatedWebp, info, info.uprightSize());
        }).isInstanceOf(ImageRejectedException.class).hasMessageContaining("WEBP");
    }

    static void assertColor(BufferedImage image, int x, int y, int r, int g, int b, int tolerance) {
        String actual = Pixels.rgb(image, x, y);
        assertThat(Pixels.red(image, x, y)).as("red at %d,%d of %s", x, y, actual).isBetween(r - tolerance, r + tolerance);
        assertThat(Pixels.green(image, x, y)).as("green at %d,%d of %s", x, y, actual).isBetween(g - tolerance, g + tolerance);
        assertThat(Pixels.blue(image, x, y)).as("blue at %d,%d of %s", x, y, actual).isBetween(b - tolerance, b + tolerance);
    }
}
