package com.renovation.media.variants.imaging;

/** Averages k×k blocks of interleaved 8-bit pixels; the last row and column of blocks may be partial. */
final class BoxShrink {

    private BoxShrink() {
    }

    static byte[] shrink(byte[] src, int width, int height, int channels, int k) {
        int outWidth = (width + k - 1) / k;
        int outHeight = (height + k - 1) / k;
        int rowBytes = width * channels;
        byte[] out = new byte[outWidth * outHeight * channels];
        int[] sums = new int[channels];
        int o = 0;
        for (int oy = 0; oy < outHeight; oy++) {
            int y0 = oy * k;
            int y1 = Math.min(height, y0 + k);
            for (int ox = 0; ox < outWidth; ox++) {
                int x0 = ox * k;
                int blockWidth = Math.min(width, x0 + k) - x0;
                int count = (y1 - y0) * blockWidth;
                if (channels == 3) { // the common case, kept in registers
                    int a = 0;
                    int b = 0;
                    int c = 0;
                    for (int y = y0; y < y1; y++) {
                        for (int s = y * rowBytes + x0 * 3, end = s + blockWidth * 3; s < end; s += 3) {
                            a += src[s] & 0xFF;
                            b += src[s + 1] & 0xFF;
                            c += src[s + 2] & 0xFF;
                        }
                    }
                    out[o++] = (byte) ((a + count / 2) / count);
                    out[o++] = (byte) ((b + count / 2) / count);
                    out[o++] = (byte) ((c + count / 2) / count);
                } else {
                    java.util.Arrays.fill(sums, 0);
                    for (int y = y0; y < y1; y++) {
                        for (int s = y * rowBytes + x0 * channels, end = s + blockWidth * channels; s < end; ) {
                            for (int ch = 0; ch < channels; ch++) {
                                sums[ch] += src[s++] & 0xFF;
                            }
                        }
                    }
                    for (int ch = 0; ch < channels; ch++) {
                        out[o++] = (byte) ((sums[ch] + count / 2) / count);
                    }
                }
            }
        }
        return out;
    }
}
