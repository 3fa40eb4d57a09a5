package com.renovation.media.storage.filetype;

import static com.renovation.media.storage.testing.CraftedFiles.box;
import static com.renovation.media.storage.testing.CraftedFiles.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.storage.testing.CraftedFiles;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The meta box of HEIF files, read for the size and the items a decoder would see, and its lies refused. */
class HeifMetaTest {

    private static final byte[] HEIC = CraftedFiles.heifDeclaring("heic", 4032, 3024, false);

    private static int indexOf(byte[] file, String type) {
        byte[] needle = CraftedFiles.ascii(type);
        for (int i = 0; i + needle.length <= file.length; i++) {
            if (Arrays.equals(file, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + type);
    }

    @Test
    void readsThePrimaryItemItsSizeAndEveryItemEntry() {
        HeifMeta meta = HeifMeta.read(HEIC);
        assertThat(meta.primaryItem()).isEqualTo(1);
        assertThat(meta.primarySize()).contains(new ImageHeader.Dimensions(4032, 3024));
        assertThat(meta.primaryHasAlpha()).isFalse();
        assertThat(meta.items()).extracting(HeifMeta.Item::id, HeifMeta.Item::type, HeifMeta.Item::hidden)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "hvc1", false),
                        org.assertj.core.groups.Tuple.tuple(2L, "hvc1", true),
                        org.assertj.core.groups.Tuple.tuple(3L, "Exif", true));
        for (HeifMeta.Item item : meta.items()) {
            assertThat(HEIC[item.flagsByte()] & 1).isEqualTo(item.hidden() ? 1 : 0);
        }
    }

    @Test
    void tellsAnAlphaPlaneOfThePrimaryItem() {
        assertThat(HeifMeta.read(CraftedFiles.heifDeclaring("avif", 640, 480, true)).primaryHasAlpha()).isTrue();
    }

    @Test
    void theSizeIsReadFromTheHeadAloneAndAgainstThePixelLimit() {
        byte[] head = Arrays.copyOf(HEIC, indexOf(HEIC, "mdat") + 20); // the coded data cut off
        assertThat(ImageHeader.dimensions(FileType.HEIC, head)).contains(new ImageHeader.Dimensions(4032, 3024));
        byte[] huge = CraftedFiles.heifDeclaring("heic", 60_000, 60_000, false);
        assertThat(ImageHeader.dimensions(FileType.HEIC, huge)).contains(new ImageHeader.Dimensions(60_000, 60_000));
        byte[] beyondInt = CraftedFiles.withInt(HEIC, indexOf(HEIC, "ispe") + 8, -1); // width 2^32 - 1
        assertThat(HeifMeta.read(beyondInt).primarySize()).contains(new ImageHeader.Dimensions(Integer.MAX_VALUE, 3024));
    }

    @Test
    void aMetaBoxCutByTheHeadOrMissingGivesNoSize() {
        byte[] cut = Arrays.copyOf(HEIC, indexOf(HEIC, "iprp"));
        assertThat(ImageHeader.dimensions(FileType.HEIC, cut)).isEmpty();
        assertThatThrownBy(() -> HeifMeta.read(cut)).isInstanceOf(HeifMeta.Malformed.class)
                .hasMessage("no complete meta box");
        assertThat(ImageHeader.dimensions(FileType.HEIC, CraftedFiles.heic())).isEmpty(); // meta without pitm
        assertThatThrownBy(() -> HeifMeta.read(CraftedFiles.heic())).hasMessage("no primary item (pitm)");
    }

    @Test
    void aPrimaryItemWithoutIspeHasNoSize() {
        byte[] noIspe = HEIC.clone();
        noIspe[indexOf(noIspe, "ispe")] = 'x'; // the property is now of an unknown type
        assertThat(HeifMeta.read(noIspe).primarySize()).isEqualTo(Optional.empty());
    }

    @Test
    void lengthsThatDoNotFitAreRefused() {
        int ipco = indexOf(HEIC, "ipco") - 4;
        // ipco claims more than iprp holds
        assertThatThrownBy(() -> HeifMeta.read(CraftedFiles.withInt(HEIC, ipco, 100_000)))
                .isInstanceOf(HeifMeta.Malformed.class).hasMessageContaining("does not fit inside its parent");
        // a box shorter than its own header
        assertThatThrownBy(() -> HeifMeta.read(CraftedFiles.withInt(HEIC, ipco, 3)))
                .hasMessageContaining("ipco box at byte " + ipco + " is shorter than its header");
        // ipma announcing a million entries
        int ipma = indexOf(HEIC, "ipma");
        assertThatThrownBy(() -> HeifMeta.read(CraftedFiles.withInt(HEIC, ipma + 8, 1_000_000)))
                .hasMessage("its ipma box lists more associations than it holds");
        // a file not starting with ftyp, and random bytes after a valid ftyp
        assertThatThrownBy(() -> HeifMeta.read(box("mdat", new byte[40]))).hasMessage("its first box is not ftyp");
        byte[] garbage = new byte[4000];
        new java.util.Random(5).nextBytes(garbage);
        assertThatThrownBy(() -> HeifMeta.read(concat(CraftedFiles.ftyp(), garbage)))
                .isInstanceOf(HeifMeta.Malformed.class);
    }

    @Test
    void everyTruncationOfTheMetaBoxIsRefusedOrReadWithoutOverrunning() {
        int metaEnd = indexOf(HEIC, "mdat") - 4;
        for (int length = 0; length < metaEnd; length++) {
            byte[] cut = Arrays.copyOf(HEIC, length);
            assertThatThrownBy(() -> HeifMeta.read(cut)).as("cut at %d", length)
                    .isInstanceOf(HeifMeta.Malformed.class);
        }
        // and each box's length field made one smaller: the box then ends inside its own fields or its parent
        for (int at = 0; at + 8 <= metaEnd; at++) {
            byte[] lying = HEIC.clone();
            ByteBuffer.wrap(lying).putInt(at, ByteBuffer.wrap(HEIC).getInt(at) - 1);
            try {
                HeifMeta.read(lying);
            } catch (HeifMeta.Malformed expected) {
                // refused: fine; anything else (an index out of bounds) fails the test
            }
        }
    }

    @Test
    void boxesBeyondTheLimitAreRefused() {
        byte[] many = new byte[(HeifMeta.MAX_BOXES + 1) * 8];
        ByteBuffer boxes = ByteBuffer.wrap(many);
        while (boxes.hasRemaining()) {
            boxes.putInt(8).put(CraftedFiles.ascii("free"));
        }
        assertThatThrownBy(() -> HeifMeta.read(concat(CraftedFiles.ftyp(), many)))
                .hasMessage("more than " + HeifMeta.MAX_BOXES + " boxes");
    }
}
