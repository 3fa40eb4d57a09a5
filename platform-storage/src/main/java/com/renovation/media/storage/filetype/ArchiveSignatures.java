package com.renovation.media.storage.filetype;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Spots an archive readable inside a file whatever its container says. Only signatures long enough never to
 * occur by chance in compressed image data count: RAR and 7z (six bytes each, anywhere), and a ZIP central
 * directory entry followed by an end-of-central-directory record in the last 64 KiB + 22 bytes, which is where
 * every ZIP reader looks for it.
 */
final class ArchiveSignatures {

    private static final long RAR = 0x52_61_72_21_1A_07L; // "Rar!" 1A 07 (RAR 4 and 5)
    private static final long SEVEN_ZIP = 0x37_7A_BC_AF_27_1CL;
    private static final long ZIP_CENTRAL_DIRECTORY = 0x50_4B_01_02L; // "PK" 01 02
    private static final long ZIP_END = 0x50_4B_05_06L; // "PK" 05 06
    /** The end record (22 bytes) plus its longest comment: how far from the end ZIP readers search. */
    private static final long ZIP_END_SEARCH = 22 + 0xFFFF;
    private static final long SIX_BYTES = 0xFFFF_FFFF_FFFFL;
    private static final long FOUR_BYTES = 0xFFFF_FFFFL;

    /** The last byte of each signature above: only where one of these stands is the window read back. */
    private static final boolean[] LAST_BYTES = new boolean[256];
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    static {
        for (long signature : new long[] {RAR, SEVEN_ZIP, ZIP_CENTRAL_DIRECTORY, ZIP_END}) {
            LAST_BYTES[(int) (signature & 0xFF)] = true;
        }
    }

    /** The bytes before the current chunk, the latest lowest. */
    private long window;
    private String signature;
    private boolean zipDirectory;
    private long lastZipEnd = -1;

    /**
     * Scans the next {@code length} bytes of the file, the first of them at {@code offset}. Every byte of a large
     * file passes here, so it goes eight bytes at a time and looks closer only at a word holding a signature's last
     * byte (02, 06, 07 or 1C: one word in seven of random data).
     */
    void scan(byte[] data, int length, long offset) {
        int i = 0;
        for (; i + Long.BYTES <= length && signature == null; i += Long.BYTES) {
            long word = (long) WORDS.get(data, i);
            // 02, 03, 06 and 07 all become 07 with bits 0 and 2 set, so one test finds the first three
            long low = (word | 0x0505_0505_0505_0505L) ^ 0x0707_0707_0707_0707L;
            long sevenZip = word ^ 0x1C1C_1C1C_1C1C_1C1CL;
            // the high bit of each byte that is zero (and at worst of some above one), lowest byte first
            for (long zeros = (((low - ONES) & ~low) | ((sevenZip - ONES) & ~sevenZip)) & HIGHS; zeros != 0
                    && signature == null; zeros &= zeros - 1) {
                byteAt(data, i + (Long.numberOfTrailingZeros(zeros) >>> 3), offset);
            }
        }
        for (; i < length && signature == null; i++) {
            byteAt(data, i, offset);
        }
        if (length > 0) {
            window = endingAt(data, length - 1);
        }
    }

    private void byteAt(byte[] data, int i, long offset) {
        if (LAST_BYTES[data[i] & 0xFF]) {
            match(endingAt(data, i), offset + i);
        }
    }

    /** The (up to) eight bytes that end at {@code data[i]}, those before the chunk taken from the window. */
    private long endingAt(byte[] data, int i) {
        long bytes = window;
        for (int j = Math.max(0, i - 7); j <= i; j++) {
            bytes = bytes << 8 | (data[j] & 0xFF);
        }
        return bytes;
    }

    private void match(long bytes, long at) {
        long four = bytes & FOUR_BYTES;
        if (four == ZIP_CENTRAL_DIRECTORY) {
            zipDirectory = true;
        } else if (four == ZIP_END && zipDirectory) {
            lastZipEnd = at - 3;
        } else if ((bytes & SIX_BYTES) == RAR) {
            signature = "RAR";
        } else if ((bytes & SIX_BYTES) == SEVEN_ZIP) {
            signature = "7z";
        }
    }

    /** The archive found in a file of {@code size} bytes, if any. */
    Optional<String> found(long size) {
        if (signature != null) {
            return Optional.of(signature);
        }
        return lastZipEnd >= 0 && size - lastZipEnd <= ZIP_END_SEARCH ? Optional.of("ZIP") : Optional.empty();
    }
}
