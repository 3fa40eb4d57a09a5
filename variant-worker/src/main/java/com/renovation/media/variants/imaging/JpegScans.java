package com.renovation.media.variants.imaging;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Counts a JPEG's scans (SOS markers) by walking its marker segments and skipping entropy-coded data, without
 * decoding. A progressive JPEG may legally repeat scans, and each one makes libjpeg go over every coefficient
 * of the image again, so a small file of thousands of tiny scans keeps a decoder busy for minutes: it is
 * refused from this count, before decoding.
 */
final class JpegScans {

    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;

    private JpegScans() {
    }

    /** Scans up to the end of the image, stopping early once {@code limit} is exceeded. */
    static int count(byte[] jpeg, int limit) {
        int scans = 0;
        int i = 2; // after SOI
        while (i + 1 < jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                i++; // not at a marker: stray byte, resynchronise
                continue;
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == EOI) {
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2; // markers without a length
                continue;
            }
            if (i + 3 >= jpeg.length) {
                break;
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            i += 2 + length;
            if (marker == SOS) {
                if (++scans > limit) {
                    return scans;
                }
                i = endOfEntropyData(jpeg, i);
            }
        }
        return scans;
    }

    /** The offset of the first marker after a scan's entropy-coded data (FF 00 is a stuffed byte, RSTn is data). */
    private static int endOfEntropyData(byte[] jpeg, int from) {
        int i = from;
        while (i + 1 < jpeg.length) {
            i = nextFF(jpeg, i);
            if (i + 1 >= jpeg.length) {
                break;
            }
            if ((jpeg[i] & 0xFF) == 0xFF) {
                int next = jpeg[i + 1] & 0xFF;
                if (next != 0x00 && next != 0xFF && !(next >= 0xD0 && next <= 0xD7)) {
                    return i;
                }
                i += next == 0xFF ? 1 : 2;
            } else {
                i++;
            }
        }
        return jpeg.length;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The index of the next 0xFF byte at or after {@code from} (or the length): eight bytes a step, as entropy-coded
     * data is most of a photo's bytes and holds few 0xFF.
     */
    static int nextFF(byte[] data, int from) {
        int i = from;
        while (i + Long.BYTES <= data.length) {
            long inverted = ~(long) LONGS.get(data, i); // an 0xFF byte becomes 0x00
            if (((inverted - ONES) & ~inverted & HIGHS) != 0) {
                break;
            }
            i += Long.BYTES;
        }
        while (i < data.length && data[i] != (byte) 0xFF) {
            i++;
        }
        return i;
    }
}
