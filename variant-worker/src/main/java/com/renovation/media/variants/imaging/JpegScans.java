package com.renovation.media.variants.imaging;

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
}
