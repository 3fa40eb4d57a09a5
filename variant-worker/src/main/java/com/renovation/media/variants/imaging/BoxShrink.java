package com.renovation.media.variants.imaging;

/** Averages k×k blocks of interleaved 8-bit pixels; the last row and column of blocks may be partial. */
final class BoxShrink {

    private BoxShrink() {
    }

    static byte[] shrink(byte[] src, int width, int height, int channels, int k) {
        int outWidth = (width + k - 1) / k;
        int outHeight = (height + k - 1) / k;
        byte[] out = new byte[outWidth * outHeight * channels];
        int[] sums = new int[outWidth * channels];
        int rowBytes = width * channels;
        int o = 0;
        for (int oy = 0; oy < outHeight; oy++) {
            java.util.Arrays.fill(sums, 0);
            int y0 = oy * k;
            int y1 = Math.min(height, y0 + k);
            for (int y = y0; y < y1; y++) {
                addRow(src, y * rowBytes, width, channels, k, sums);
            }
            int rows = y1 - y0;
            for (int ox = 0; ox < outWidth; ox++) {
                int count = rows * (Math.min(width, ox * k + k) - ox * k);
                int half = count / 2;
                for (int c = 0; c < channels; c++) {
                    out[o++] = (byte) ((sums[ox * channels + c] + half) / count);
                }
            }
        }
        return out;
    }

    private static void addRow(byte[] src, int rowStart, int width, int channels, int k, int[] sums) {
        int s = rowStart;
        int x = 0;
        for (int ox = 0; x < width; ox++) {
            int end = Math.min(width, x + k);
            int base = ox * channels;
            if (channels == 3) {
                int a = 0, b = 0, c = 0;
                for (; x < end; x++, s += 3) {
                    a += src[s] & 0xFF;
                    b += src[s + 1] & 0xFF;
                    c += src[s + 2] & 0xFF;
                }
                sums[base] += a;
                sums[base + 1] += b;
                sums[base + 2] += c;
            } else {
                for (; x < end; x++) {
                    for (int ch = 0; ch < channels; ch++) {
                        sums[base + ch] += src[s++] & 0xFF;
                    }
                }
            }
        }
    }
}
