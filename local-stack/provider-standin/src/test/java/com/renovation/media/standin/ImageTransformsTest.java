package com.renovation.media.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageTransformsTest {

    /** A faded gradient (values 80..170) with salt-and-pepper speckles on every 10th pixel. */
    static BufferedImage fadedNoisyPhoto(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = 80 + (90 * x) / (w - 1);
                int rgb = (v << 16) | (v << 8) | v;
                if (random.nextInt(10) == 0) {
                    rgb = random.nextBoolean() ? 0xFFFFFF : 0x000000;
                }
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    @Test
    void medianRemovesIsolatedSpeckles() {
        int[] flat = new int[25];
        java.util.Arrays.fill(flat, 0x808080);
        flat[12] = 0xFFFFFF;
        int[] out = ImageTransforms.median3x3(flat, 5, 5);
        assertThat(out[12]).isEqualTo(0x808080);
    }

    @Test
    void autoLevelsStretchesEachChannelToTheFullRange() {
        int[] pixels = new int[1000];
        for (int i = 0; i < pixels.length; i++) {
            int v = 100 + (i % 51);
            pixels[i] = (v << 16) | ((v / 2) << 8) | 60;
        }
        int[] out = ImageTransforms.autoLevels(pixels);
        int minR = 255, maxR = 0, minG = 255, maxG = 0;
        for (int p : out) {
            minR = Math.min(minR, (p >> 16) & 0xFF);
            maxR = Math.max(maxR, (p >> 16) & 0xFF);
            minG = Math.min(minG, (p >> 8) & 0xFF);
            maxG = Math.max(maxG, (p >> 8) & 0xFF);
        }
        assertThat(minR).isZero();
        assertThat(maxR).isEqualTo(255);
        assertThat(minG).isZero();
        assertThat(maxG).isEqualTo(255);
        // a channel of one value stays as it was (nothing to stretch)
        assertThat(out[0] & 0xFF).isEqualTo(60);
    }

    @Test
    void restorationDenoisesAndRegainsContrast() {
        BufferedImage input = fadedNoisyPhoto(120, 80);
        BufferedImage restored = ImageTransforms.restore(input);
        assertThat(restored.getWidth()).isEqualTo(120);
        assertThat(restored.getHeight()).isEqualTo(80);
        assertThat(speckles(restored)).isLessThan(speckles(input) / 10);
        int left = restored.getRGB(2, 40) & 0xFF;
        int right = restored.getRGB(117, 40) & 0xFF;
        assertThat(right - left).isGreaterThan(200);
    }

    @Test
    void renderIsAVisibleStyleChange() {
        BufferedImage input = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                input.setRGB(x, y, x < 32 ? 0x707070 : 0xA0A0A0);
            }
        }
        BufferedImage render = ImageTransforms.render(input);
        int flat = render.getRGB(10, 10);
        // warm: red above blue where the input was grey
        assertThat((flat >> 16) & 0xFF).isGreaterThan((flat & 0xFF) + 30);
        // a dark line along the edge between the two halves
        int edge = render.getRGB(32, 30);
        assertThat((edge >> 16) & 0xFF).isLessThan(60);
    }

    @Test
    void outputIsAJpegThatDecodes() throws IOException {
        byte[] jpeg = ImageTransforms.jpeg(ImageTransforms.restore(fadedNoisyPhoto(40, 30)));
        assertThat(jpeg).startsWith(0xFF, 0xD8, 0xFF);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(back.getWidth()).isEqualTo(40);
    }

    private static int speckles(BufferedImage image) {
        int count = 0;
        for (int y = 1; y < image.getHeight() - 1; y++) {
            for (int x = 1; x < image.getWidth() - 1; x++) {
                int v = image.getRGB(x, y) & 0xFF;
                int around = ((image.getRGB(x - 1, y) & 0xFF) + (image.getRGB(x + 1, y) & 0xFF)) / 2;
                if (Math.abs(v - around) > 100) {
                    count++;
                }
            }
        }
        return count;
    }
}
