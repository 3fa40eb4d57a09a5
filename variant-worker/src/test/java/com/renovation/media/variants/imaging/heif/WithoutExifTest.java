package com.renovation.media.variants.imaging.heif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.variants.imaging.ImageProbe;
import com.renovation.media.variants.imaging.ImageRejectedException;
import com.renovation.media.variants.imaging.Orientation;
import com.renovation.media.variants.imaging.WorkerFixtures;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The decoded picture loses the EXIF heif-convert copies into it, and nothing else. */
class WithoutExifTest {

    private final ImageProbe probe = new ImageProbe();

    @Test
    void aJpegLosesItsApp1SegmentsAndKeepsItsPixels() {
        byte[] jpeg = WorkerFixtures.jpegWithExif(64, 48, 6);
        assertThat(probe.probe(jpeg).orientation()).isEqualTo(Orientation.ROTATE_90_CW);
        byte[] stripped = WithoutExif.of(jpeg);
        assertThat(probe.probe(stripped).orientation()).isEqualTo(Orientation.NORMAL);
        assertThat(WorkerFixtures.contains(stripped, "Exif")).isFalse();
        assertThat(WorkerFixtures.contains(stripped, WorkerFixtures.LEAK_MARKER)).isFalse();
        int scan = indexOfScan(jpeg);
        assertThat(Arrays.copyOfRange(stripped, indexOfScan(stripped), stripped.length))
                .isEqualTo(Arrays.copyOfRange(jpeg, scan, jpeg.length));
        assertThat(WorkerFixtures.decode(stripped).getWidth()).isEqualTo(64);
    }

    @Test
    void aPngLosesItsExifChunk() {
        byte[] png = WorkerFixtures.pngWithExif(40, 30, 6);
        assertThat(probe.probe(png).orientation()).isEqualTo(Orientation.ROTATE_90_CW);
        byte[] stripped = WithoutExif.of(png);
        assertThat(probe.probe(stripped).orientation()).isEqualTo(Orientation.NORMAL);
        assertThat(WorkerFixtures.contains(stripped, "eXIf")).isFalse();
        assertThat(stripped.length).isLessThan(png.length);
        assertThat(WorkerFixtures.decode(stripped).getHeight()).isEqualTo(30);
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> WithoutExif.of("GIF89a".getBytes())).isInstanceOf(ImageRejectedException.class);
        byte[] jpeg = WorkerFixtures.jpegWithExif(64, 48, 6);
        assertThatThrownBy(() -> WithoutExif.of(Arrays.copyOf(jpeg, 30))).isInstanceOf(ImageRejectedException.class)
                .hasMessage("the HEIF decoder wrote a broken JPEG");
    }

    private static int indexOfScan(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                return i;
            }
        }
        throw new IllegalArgumentException("no scan");
    }
}
