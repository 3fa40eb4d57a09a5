package com.renovation.media.storage.filetype;

import static com.renovation.media.storage.testing.CraftedFiles.ascii;
import static com.renovation.media.storage.testing.CraftedFiles.concat;
import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.storage.testing.CraftedFiles;
import com.renovation.media.storage.testing.CraftedVideos;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Video containers are told by what they declare: the ftyp major brand, the EBML DocType. */
class VideoSnifferTest {

    private static FileSniffer.Verdict sniff(byte[] head) {
        return FileSniffer.sniff(head);
    }

    private static void refusedFor(byte[] head, String reason) {
        assertThat(sniff(head)).isInstanceOfSatisfying(FileSniffer.Refused.class,
                refused -> assertThat(refused.reason()).contains(reason));
    }

    @Test
    void theMp4FamilyOfBrandsIsMp4AndQuickTimeIsMov() {
        for (String brand : new String[] {"isom", "iso2", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash"}) {
            assertThat(sniff(CraftedVideos.mp4(brand))).as(brand).isEqualTo(new FileSniffer.Accepted(FileType.MP4));
        }
        assertThat(sniff(CraftedVideos.mov())).isEqualTo(new FileSniffer.Accepted(FileType.MOV));
        // HEIF brands stay images
        assertThat(sniff(CraftedFiles.heic())).isEqualTo(new FileSniffer.Accepted(FileType.HEIC));
    }

    @Test
    void otherIsoBmffBrandsAreRefusedNamingTheBrand() {
        refusedFor(CraftedVideos.mp4("M4A "), "brand 'M4A '");
        refusedFor(CraftedVideos.mp4("3gp5"), "brand '3gp5'");
        refusedFor(CraftedVideos.mp4("cr\u0001\u0002"), "brand 'cr??'");
        refusedFor(Arrays.copyOf(CraftedVideos.mp4("isom"), 10), "ftyp box is cut short");
    }

    @Test
    void anEbmlFileIsWebmOnlyWhenItsDocTypeSaysSo() {
        assertThat(sniff(CraftedVideos.webm())).isEqualTo(new FileSniffer.Accepted(FileType.WEBM));
        assertThat(sniff(CraftedVideos.liveWebm())).isEqualTo(new FileSniffer.Accepted(FileType.WEBM));
        refusedFor(CraftedVideos.ebmlDocument("matroska"), "Matroska video (MKV): only its WebM form is accepted");
        refusedFor(CraftedVideos.ebmlDocument("x<script>"), "EBML document of type 'x<script>', not a WebM video");
    }

    @Test
    void anUnreadableEbmlHeaderIsRefused() {
        byte[] header = CraftedVideos.ebmlHeader("webm");
        refusedFor(Arrays.copyOf(header, header.length - 3), "EBML header is unreadable");
        // a header declaring far more than any header holds
        refusedFor(concat(CraftedVideos.id(CraftedVideos.EBML_HEADER), CraftedVideos.size8(1 << 20), new byte[64]),
                "EBML header is unreadable");
        // a header without a DocType
        refusedFor(CraftedVideos.element(CraftedVideos.EBML_HEADER, CraftedVideos.element(0x4286, new byte[] {1})),
                "names no DocType");
        // a child whose size runs past the header's end
        refusedFor(CraftedVideos.element(CraftedVideos.EBML_HEADER, concat(new byte[] {0x42, (byte) 0x82},
                CraftedVideos.size8(100), ascii("webm"))), "EBML header is unreadable");
        // a child whose ID is malformed (no length marker in its first byte)
        refusedFor(concat(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x88}, new byte[8]),
                "EBML header is unreadable");
    }

    @Test
    void videoTypesAreVideosNeverImagesAndNeverInline() {
        for (FileType type : new FileType[] {FileType.MP4, FileType.MOV, FileType.WEBM}) {
            assertThat(type.isVideo()).as(type.name()).isTrue();
            assertThat(type.isImage()).as(type.name()).isFalse();
            assertThat(type.safeInline()).as(type.name()).isFalse();
        }
        assertThat(FileType.JPEG.isVideo()).isFalse();
        assertThat(FileType.PDF.isVideo()).isFalse();
        assertThat(FileType.fromDeclared("video/mp4")).contains(FileType.MP4);
        assertThat(FileType.fromDeclared("Video/QuickTime")).contains(FileType.MOV);
        assertThat(FileType.fromDeclared("video/webm;codecs=vp9")).contains(FileType.WEBM);
        assertThat(FileType.fromDeclared("video/x-matroska")).isEmpty();
        assertThat(ImageHeader.dimensions(FileType.MP4, CraftedVideos.mp4("isom"))).isEmpty();
    }
}
