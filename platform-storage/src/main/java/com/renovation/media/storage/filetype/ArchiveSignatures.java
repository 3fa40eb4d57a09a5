package com.renovation.media.storage.filetype;

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

    private long window;
    private String signature;
    private boolean zipDirectory;
    private long lastZipEnd = -1;

    /** Scans the next {@code length} bytes of the file, the first of them at {@code offset}. */
    void scan(byte[] data, int length, long offset) {
        for (int i = 0; i < length && signature == null; i++) {
            window = window << 8 | (data[i] & 0xFF);
            long four = window & FOUR_BYTES;
            if (four == ZIP_CENTRAL_DIRECTORY) {
                zipDirectory = true;
            } else if (four == ZIP_END && zipDirectory) {
                lastZipEnd = offset + i - 3;
            } else if ((window & SIX_BYTES) == RAR) {
                signature = "RAR";
            } else if ((window & SIX_BYTES) == SEVEN_ZIP) {
                signature = "7z";
            }
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
