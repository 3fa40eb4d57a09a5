package com.renovation.media.variants.imaging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class ResizerTest {

    @ParameterizedTest
    @EnumSource(ResizeMethod.class)
    void makesExactlyTheAskedSizeInTheStandardLayout(ResizeMethod method) {
        BufferedImage source = TestImages.photoLike(1003, 751, 1);
        BufferedImage out = method.resizer().resize(source, 301, 225);
        assertThat(out.getWidth()).isEqualTo(301);
        assertThat(out.getHeight()).isEqualTo(225);
        assertThat(StandardImages.isStandard(out)).isTrue();
        assertThat(StandardImages.hasAlpha(out)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ResizeMethod.class)
    void keepsAFlatColourFlat(ResizeMethod method) {
        BufferedImage source = StandardImages.standardize(TestImages.solid(999, 777, new Color(137, 42, 200), BufferedImage.TYPE_3BYTE_BGR));
        BufferedImage out = method.resizer().resize(source, 100, 78);
        for (int[] p : new int[][]{{0, 0}, {99, 77}, {50, 39}}) {
            ImageDecoderTest.assertColor(out, p[0], p[1], 137, 42, 200, 1);
        }
    }

    @ParameterizedTest
    @EnumSource(ResizeMethod.class)
    void keepsAlphaWithoutBleedingTransparentColour(ResizeMethod method) {
        // Left half opaque red (edge mid-pixel after scaling), right half fully transparent (stored as transparent green, which must not show).
        BufferedImage straight = new BufferedImage(400, 200, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 400; x++) {
                straight.setRGB(x, y, x < 202 ? 0xFFFF0000 : 0x0000FF00);
            }
        }
        BufferedImage out = method.resizer().resize(StandardImages.standardize(straight), 100, 50);
        assertThat(StandardImages.hasAlpha(out)).isTrue();
        assertThat(Pixels.alpha(out, 90, 25)).isLessThanOrEqualTo(1);
        assertThat(Pixels.alpha(out, 10, 25)).isEqualTo(255);
        // At the edge the colour is still red, only less opaque.
        assertThat(Pixels.alpha(out, 50, 25)).isBetween(20, 250);
        assertThat(Pixels.green(out, 50, 25)).isLessThan(20);
        assertThat(Pixels.red(out, 50, 25)).isGreaterThan(230);
    }

    @ParameterizedTest
    @EnumSource(ResizeMethod.class)
    void staysCloseToAnIdealLanczosReference(ResizeMethod method) {
        BufferedImage source = TestImages.photoLike(1600, 1200, 5);
        BufferedImage reference = ResamplingReference.lanczos3(source, new ImageSize(400, 300));
        double psnr = Pixels.psnr(method.resizer().resize(source, 400, 300), reference);
        assertThat(psnr).as("PSNR of %s in dB", method).isGreaterThan(35);
    }

    @ParameterizedTest
    @EnumSource(ResizeMethod.class)
    void returnsTheSourceWhenTheSizeAlreadyMatches(ResizeMethod method) {
        BufferedImage source = TestImages.photoLike(50, 40, 2);
        assertThat(method.resizer().resize(source, 50, 40)).isSameAs(source);
    }
}
