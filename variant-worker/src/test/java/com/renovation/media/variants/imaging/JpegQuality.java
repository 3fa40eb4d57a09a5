package com.renovation.media.variants.imaging;

import javax.imageio.plugins.jpeg.JPEGQTable;
import java.util.Arrays;

/**
 * Which quality a JPEG was written with, read back from its luminance quantisation table: the IJG scaling of the
 * standard table (JPEG Annex K) that the JDK's writer applies.
 */
public final class JpegQuality {

    /** Position in natural (row-major) order of each coefficient as a DQT segment lists them. */
    private static final int[] ZIGZAG = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40,
            48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
            58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

    private JpegQuality() {
    }

    /** The quality 1–100 whose scaled standard table is the file's luminance table; -1 when none is. */
    public static int of(byte[] jpeg) {
        int[] table = luminanceTable(jpeg);
        for (int quality = 1; quality <= 100; quality++) {
            if (Arrays.equals(table, tableFor(quality))) {
                return quality;
            }
        }
        return -1;
    }

    /** The baseline luminance table for {@code quality}: IJG's jpeg_quality_scaling of the Annex K table. */
    static int[] tableFor(int quality) {
        int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        return Arrays.stream(JPEGQTable.K1Luminance.getTable())
                .map(q -> Math.max(1, Math.min(255, (q * scale + 50) / 100))).toArray();
    }

    /** Table 0 of the file's DQT segments, in natural order. */
    static int[] luminanceTable(byte[] jpeg) {
        int at = 2; // after SOI
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if (marker == 0xDA) {
                break;
            }
            if (marker == 0xDB) {
                int table = at + 4;
                while (table < at + 2 + length) {
                    int precision = (jpeg[table] & 0xFF) >> 4;
                    int id = jpeg[table] & 0x0F;
                    int width = precision == 0 ? 1 : 2;
                    if (id == 0) {
                        int[] natural = new int[64];
                        for (int i = 0; i < 64; i++) {
                            int offset = table + 1 + i * width;
                            natural[ZIGZAG[i]] = width == 1 ? jpeg[offset] & 0xFF
                                    : ((jpeg[offset] & 0xFF) << 8) | (jpeg[offset + 1] & 0xFF);
                        }
                        return natural;
                    }
                    table += 1 + 64 * width;
                }
            }
            at += 2 + length;
        }
        throw new IllegalArgumentException("no luminance quantisation table before the first scan");
    }
}
