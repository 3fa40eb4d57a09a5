package com.renovation.media.variants.imaging;

import java.util.Arrays;

/**
 * Separable Lanczos3 resampling of interleaved 8-bit pixels (any channel count). The vertical
 * pass runs first, into a float buffer: it works on whole lines, a flat loop the JIT vectorises,
 * so the costlier per-pixel horizontal pass only sees the rows already reduced. When shrinking,
 * the kernel is widened by the scale so it low-passes (no aliasing); weights are cut at the
 * edges and renormalised.
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
        Weights rows = new Weights(srcHeight, extentHeight, dstHeight);
        Weights columns = new Weights(srcWidth, extentWidth, dstWidth);
        int srcLine = srcWidth * channels;
        float[] vertical = new float[dstHeight * srcLine];
        for (int y = 0; y < dstHeight; y++) {
            resampleLine(src, srcLine, vertical, y * srcLine, rows, y);
        }
        byte[] out = new byte[dstHeight * dstWidth * channels];
        for (int y = 0; y < dstHeight; y++) {
            if (channels == 3) {
                resampleRow3(vertical, y * srcLine, out, y * dstWidth * 3, columns);
            } else {
                resampleRow(vertical, y * srcLine, out, y * dstWidth * channels, channels, columns);
            }
        }
        return out;
    }

    /** One output line as the weighted sum of whole source lines. */
    private static void resampleLine(byte[] src, int lineLength, float[] dst, int dstStart, Weights w, int index) {
        int k = index * w.stride;
        for (int t = 0; t < w.count[index]; t++) {
            float weight = w.weights[k + t];
            int s = (w.start[index] + t) * lineLength;
            for (int i = 0; i < lineLength; i++) {
                dst[dstStart + i] += weight * (src[s + i] & 0xFF);
            }
        }
    }

    private static void resampleRow3(float[] src, int srcRow, byte[] dst, int dstRow, Weights w) {
        int d = dstRow;
        for (int x = 0; x < w.size; x++) {
            int s = srcRow + w.start[x] * 3;
            int k = x * w.stride;
            int end = k + w.count[x];
            float a = 0;
            float b = 0;
            float c = 0;
            for (; k < end; k++, s += 3) {
                float weight = w.weights[k];
                a += weight * src[s];
                b += weight * src[s + 1];
                c += weight * src[s + 2];
            }
            dst[d++] = toByte(a);
            dst[d++] = toByte(b);
            dst[d++] = toByte(c);
        }
    }

    private static void resampleRow(float[] src, int srcRow, byte[] dst, int dstRow, int channels, Weights w) {
        float[] sums = new float[channels];
        int d = dstRow;
        for (int x = 0; x < w.size; x++) {
            Arrays.fill(sums, 0f);
            int s = srcRow + w.start[x] * channels;
            int k = x * w.stride;
            int end = k + w.count[x];
            for (; k < end; k++) {
                float weight = w.weights[k];
                for (int c = 0; c < channels; c++) {
                    sums[c] += weight * src[s++];
                }
            }
            for (int c = 0; c < channels; c++) {
                dst[d++] = toByte(sums[c]);
            }
        }
    }

    private static byte toByte(float value) {
        int v = Math.round(value);
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
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
                hi = Math.min(Math.max(hi, lo + 1), lo + stride);
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
