package com.renovation.media.variants.imaging;

/** Averages k×k blocks of interleaved 8-bit pixels; the last row and column of blocks may be partial. */
final class BoxShrink {

    private BoxShrink() {
    }

    static byte[] shrink(byte[] src, int width, int height, int channels, int k) {
        int outWidth = (width + k - 1) / k;
        int outHeight = (height + k - 1) / k;
        byte[] out = new byte[outWidth * outHeight * channels];
        for (int oy = 0; oy < outHeight; oy++) {
            int y0 = oy * k;
            int rows = Math.min(height, y0 + k) - y0;
            int o = oy * outWidth * channels;
            if (channels == 3) {
                shrinkRow3(src, y0 * width * 3, width, rows, k, out, o);
            } else {
                shrinkRow(src, y0 * width * channels, width, rows, channels, k, out, o);
            }
        }
        return out;
    }

    /** One output row from k source rows, three channels kept in registers (the common case). */
    private static void shrinkRow3(byte[] src, int rowStart, int width, int rows, int k, byte[] out, int o) {
        int rowBytes = width * 3;
        for (int x0 = 0; x0 < width; x0 += k) {
            int blockWidth = Math.min(k, width - x0);
            int count = rows * blockWidth;
            int a = 0;
            int b = 0;
            int c = 0;
            for (int y = 0; y < rows; y++) {
                int s = rowStart + y * rowBytes + x0 * 3;
                for (int x = 0; x < blockWidth; x++, s += 3) {
                    a += src[s] & 0xFF;
                    b += src[s + 1] & 0xFF;
                    c += src[s + 2] & 0xFF;
                }
            }
            out[o++] = (byte) ((a + count / 2) / count);
            out[o++] = (byte) ((b + count / 2) / count);
            out[o++] = (byte) ((c + count / 2) / count);
        }
    }

    private static void shrinkRow(byte[] src, int rowStart, int width, int rows, int channels, int k, byte[] out, int o) {
        int rowBytes = width * channels;
        int[] sums = new int[channels];
        for (int x0 = 0; x0 < width; x0 += k) {
            int blockWidth = Math.min(k, width - x0);
            int count = rows * blockWidth;
            java.util.Arrays.fill(sums, 0);
            for (int y = 0; y < rows; y++) {
                int s = rowStart + y * rowBytes + x0 * channels;
                for (int x = 0; x < blockWidth; x++) {
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
