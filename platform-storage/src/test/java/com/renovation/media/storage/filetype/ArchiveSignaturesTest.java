package com.renovation.media.storage.filetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The scan reads eight bytes at a time: a signature is found wherever it stands in a word and however the chunks cut
 * it, and the bytes its test flags (02, 03, 06, 07, 1C) are no signature alone.
 */
class ArchiveSignaturesTest {

    private static final byte[] RAR = {0x52, 0x61, 0x72, 0x21, 0x1A, 0x07};
    private static final byte[] SEVEN_ZIP = {0x37, 0x7A, (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};

    @Test
    void aSignatureIsFoundAtEveryPositionAndAcrossEveryCut() {
        for (byte[] signature : new byte[][] {RAR, SEVEN_ZIP}) {
            for (int at = 0; at < 24; at++) {
                byte[] file = filler(48);
                System.arraycopy(signature, 0, file, at, signature.length);
                for (int cut = 0; cut <= file.length; cut++) {
                    assertThat(scanned(file, cut).found(file.length)).as("at %d, cut at %d", at, cut)
                            .isPresent();
                }
            }
        }
    }

    @Test
    void aZipEndAfterItsCentralDirectoryIsFoundNearTheEnd() {
        byte[] file = filler(200);
        System.arraycopy(new byte[] {0x50, 0x4B, 0x01, 0x02}, 0, file, 37, 4);
        System.arraycopy(new byte[] {0x50, 0x4B, 0x05, 0x06}, 0, file, 150, 4);
        for (int cut = 0; cut <= file.length; cut++) {
            assertThat(scanned(file, cut).found(file.length)).isEqualTo(Optional.of("ZIP"));
        }
        byte[] endOnly = filler(200);
        System.arraycopy(new byte[] {0x50, 0x4B, 0x05, 0x06}, 0, endOnly, 150, 4);
        assertThat(scanned(endOnly, 99).found(endOnly.length)).isEmpty();
    }

    @Test
    void theFlaggedBytesAloneAreNoSignature() {
        byte[] file = new byte[4096];
        byte[] flagged = {0x02, 0x03, 0x06, 0x07, 0x1C, 0x1A, 0x27, 0x50, 0x4B};
        for (int i = 0; i < file.length; i++) {
            file[i] = flagged[(i * 7 + i / 13) % flagged.length];
        }
        assertThat(scanned(file, 1001).found(file.length)).isEmpty();
    }

    private static ArchiveSignatures scanned(byte[] file, int cut) {
        ArchiveSignatures scan = new ArchiveSignatures();
        scan.scan(Arrays.copyOfRange(file, 0, cut), cut, 0);
        scan.scan(Arrays.copyOfRange(file, cut, file.length), file.length - cut, cut);
        return scan;
    }

    private static byte[] filler(int size) {
        byte[] file = new byte[size];
        Arrays.fill(file, (byte) 0x41);
        return file;
    }
}
