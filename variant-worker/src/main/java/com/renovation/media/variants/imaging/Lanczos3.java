package com.renovation.media.variants.imaging;

/**
 * Separable Lanczos3 resampling of interleaved 8-bit pixels: a horizontal pass into a float
 * buffer, then a vertical pass. When shrinking, the kernel is widened by the scale so it
 * low-passes (no aliasing); weights are cut at the edges and renormalised.
 */
final class Lanczos3 {

    private static final double RADIUS = 3.0;

    private Lanczos3() {
    }

    /**
     * @param extentWidth  the width the source stands for, in its own pixels (may be fractional
     *                     after a box shrink whose last block was partial); likewise extentHeight
     */
    static byte[] resample(byte[] src, int srcWidth, int srcHeight, int channels,
                           double extentWidth, double extentHeight, int dstWidth, int dstHeight) {
        Weights columns = new Weights(srcWidth, extentWidth, dstWidth);
        Weights rows = new Weights(srcHeight, extentHeight, dstHeight);
        float[] horizontal = new float[srcHeight * dstWidth * channels];
        for (int y = 0; y < srcHeight; y++) {
            resampleRow(src, y * srcWidth * channels, horizontal, y * dstWidth * channels, channels, columns);
        }
        return resampleColumns(horizontal, dstWidth * channels, rows);
    }

    private static void resampleRow(byte[] src, int srcRow, float[] dst, int dstRow, int channels, Weights w) {
        int d = dstRow;
        for (int x = 0; x < w.size; x++) {
            int s = srcRow + w.start[x] * channels;
            int k = x * w.stride;
            int end = k + w.count[x];
            if (channels == 3) {
                float a = 0, b = 0, c = 0;
                for (; k < end; k++, s += 3) {
                    float weight = w.weights[k];
                    a += weight * (src[s] & 0xFF);
                    b += weight * (src[s + 1] & 0xFF);
                    c += weight * (src[s + 2] & 0xFF);
                }
                dst[d++] = a;
                dst[d++] = b;
                dst[d++] = c;
            } else {
                float a = 0, b = 0, c = 0, e = 0;
                for (; k < end; k++, s += 4) {
                    float weight = w.weights[k];
                    a += weight * (src[s] & 0xFF);
                    b += weight * (src[s + 1] & 0xFF);
                    c += weight * (src[s + 2] & 0xFF);
                    e += weight * (src[s + 3] & 0xFF);
                }
                dst[d++] = a;
                dst[d++] = b;
                dst[d++] = c;
                dst[d++] = e;
            }
        }
    }

    private static byte[] resampleColumns(float[] src, int rowLength, Weights w) {
        byte[] out = new byte[w.size * rowLength];
        float[] sums = new float[rowLength];
        for (int y = 0; y < w.size; y++) {
            java.util.Arrays.fill(sums, 0f);
            int k = y * w.stride;
            for (int t = 0; t < w.count[y]; t++) {
                float weight = w.weights[k + t];
                int s = (w.start[y] + t) * rowLength;
                for (int i = 0; i < rowLength; i++) {
                    sums[i] += weight * src[s + i];
                }
            }
            int o = y * rowLength;
            for (int i = 0; i < rowLength; i++) {
                int v = Math.round(sums[i]);
                out[o + i] = (byte) (v < 0 ? 0 : Math.min(v, 255));
            }
        }
        return out;
    }

    static double kernel(double x) {
        if (x == 0) {
            return 1;
        }
        if (x <= -RADIUS || x >= RADIUS) {
            return 0;
        }
        double px = Math.PI * x;
        return RADIUS * Math.sin(px) * Math.sin(px / RADIUS) / (px * px);
    }

    /** For each output index: the first input index, how many taps, and their weights. */
    private static final class Weights {
        final int size;
        final int stride;
        final int[] start;
        final int[] count;
        final float[] weights;

        Weights(int inSize, double extent, int outSize) {
            double scale = extent / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = RADIUS * filterScale;
            this.size = outSize;
            this.stride = (int) Math.ceil(support) * 2 + 1;
            this.start = new int[outSize];
            this.count = new int[outSize];
            this.weights = new float[outSize * stride];
            double[] row = new double[stride];
            for (int i = 0; i < outSize; i++) {
                double center = (i + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(center - support + 0.5));
                int hi = Math.min(inSize, (int) Math.floor(center + support + 0.5));
                hi = Math.max(hi, lo + 1);
                hi = Math.min(hi, lo + stride);
                double total = 0;
                for (int j = lo; j < hi; j++) {
                    row[j - lo] = kernel((j + 0.5 - center) / filterScale);
                    total += row[j - lo];
                }
                start[i] = lo;
                count[i] = hi - lo;
                for (int j = 0; j < hi - lo; j++) {
                    weights[i * stride + j] = (float) (total == 0 ? 1.0 / (hi - lo) : row[j] / total);
                }
            }
        }
    }
}
