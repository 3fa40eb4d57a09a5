package com.renovation.media.variants.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JpegScansTest {

    @Test
    void findsTheNextFfByteWhereverItLiesAndTheEndWhenThereIsNone() {
        for (int length = 0; length < 40; length++) {
            for (int at = 0; at < length; at++) {
                byte[] data = new byte[length];
                for (int i = 0; i < length; i++) {
                    data[i] = (byte) (i * 37 % 255); // never 0xFF
                }
                data[at] = (byte) 0xFF;
                for (int from = 0; from <= at; from++) {
                    assertThat(JpegScans.nextFF(data, from)).as("FF at %d of %d from %d", at, length, from).isEqualTo(at);
                }
                assertThat(JpegScans.nextFF(data, at + 1)).isEqualTo(length);
            }
        }
    }

    @Test
    void countsTheScansOfProgressiveAndBaselineJpegs() {
        byte[] progressive = TestImages.jpeg(TestImages.photoLike(400, 300, 1), true);
        assertThat(JpegScans.count(progressive, 100)).isBetween(2, 12);
        assertThat(JpegScans.count(TestImages.jpeg(TestImages.photoLike(400, 300, 1), false), 100)).isEqualTo(1);
    }
}
