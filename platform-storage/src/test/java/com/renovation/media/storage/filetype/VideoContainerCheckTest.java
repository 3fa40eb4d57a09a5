package com.renovation.media.storage.filetype;

import static com.renovation.media.storage.testing.CraftedFiles.ascii;
import static com.renovation.media.storage.testing.CraftedFiles.box;
import static com.renovation.media.storage.testing.CraftedFiles.concat;
import static com.renovation.media.storage.testing.CraftedVideos.CLUSTER;
import static com.renovation.media.storage.testing.CraftedVideos.SEGMENT;
import static com.renovation.media.storage.testing.CraftedVideos.element;
import static com.renovation.media.storage.testing.CraftedVideos.unknownSize;
import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.storage.testing.CraftedFiles;
import com.renovation.media.storage.testing.CraftedVideos;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * MP4 and QuickTime boxes, and WebM elements, must add up to the file: well-formed files pass, and the same files
 * cut short, with lying sizes, with something appended or with a file attached inside are refused.
 */
class VideoContainerCheckTest {

    private static Optional<String> refusal(FileType type, byte[] file) {
        return ContainerCheckTest.refusal(type, file);
    }

    private static void passes(FileType type, byte[] file) {
        assertThat(refusal(type, file)).as("verdict on a valid " + type).isEmpty();
    }

    private static void refused(FileType type, byte[] file, String reason) {
        assertThat(refusal(type, file)).as("verdict on a bad " + type).hasValueSatisfying(r -> assertThat(r)
                .contains(reason));
    }

    // MP4 and QuickTime (ISO-BMFF)

    @Test
    void moviesWhoseBoxesAddUpPass() {
        passes(FileType.MP4, CraftedVideos.mp4("isom"));
        passes(FileType.MOV, CraftedVideos.mov());
        // faststart (moov before mdat), a 64-bit mdat, an mdat running to the end of the file
        passes(FileType.MP4, concat(CraftedVideos.ftyp("mp42"), CraftedVideos.moov(),
                CraftedFiles.largeBox("mdat", new byte[500])));
        passes(FileType.MP4, concat(CraftedVideos.ftyp("mp42"), CraftedVideos.moov(),
                CraftedFiles.boxToEnd("mdat", new byte[500])));
    }

    @Test
    void aTruncatedMovieIsRefused() {
        byte[] mp4 = CraftedVideos.mp4("isom");
        refused(FileType.MP4, Arrays.copyOf(mp4, mp4.length - 1), "do not add up to the file's size");
        refused(FileType.MP4, Arrays.copyOf(mp4, mp4.length / 2), "do not add up to the file's size");
        refused(FileType.MOV, Arrays.copyOf(CraftedVideos.mov(), 30), "do not add up to the file's size");
    }

    @Test
    void lyingBoxSizesAreRefused() {
        byte[] mp4 = CraftedVideos.mp4("isom");
        int mdatAt = CraftedVideos.ftyp("isom").length + 8;
        assertThat(new String(mp4, mdatAt + 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("mdat");
        refused(FileType.MP4, CraftedFiles.withInt(mp4, mdatAt, 408 + 1), "do not add up");
        refused(FileType.MP4, CraftedFiles.withInt(mp4, mdatAt, 408 - 3), "do not add up");
        refused(FileType.MP4, CraftedFiles.withInt(mp4, mdatAt, 5), "fewer than its header");
        refused(FileType.MP4, CraftedFiles.withInt(mp4, mdatAt, Integer.MAX_VALUE), "do not add up");
    }

    @Test
    void aMovieWithAnythingAfterItsLastBoxOrWithoutItsIndexIsRefused() throws Exception {
        byte[] mp4 = CraftedVideos.mp4("isom");
        refused(FileType.MP4, concat(mp4, CraftedFiles.zip()), "do not add up to the file's size");
        refused(FileType.MP4, concat(mp4, ascii("<html><script>alert(1)</script>")), "do not add up");
        // a ZIP inside a box that covers it: the boxes add up, the archive is still found
        refused(FileType.MP4, concat(mp4, box("free", CraftedFiles.zip())), "archive (ZIP)");
        refused(FileType.MP4, concat(CraftedVideos.ftyp("isom"), box("mdat", new byte[100])), "no moov box");
        refused(FileType.MOV, concat(box("mdat", new byte[10]), CraftedVideos.mov()), "first ISO-BMFF box is not ftyp");
    }

    // WebM (EBML)

    @Test
    void webmWhoseElementsAddUpPasses() {
        passes(FileType.WEBM, CraftedVideos.webm());
        // a live recording: Segment and Clusters of unknown size
        passes(FileType.WEBM, CraftedVideos.liveWebm());
        // a Cluster of unknown size closed by the end of a Segment of known size
        passes(FileType.WEBM, concat(CraftedVideos.ebmlHeader("webm"), element(SEGMENT, concat(
                CraftedVideos.segmentHead(), unknownSize(CLUSTER), element(CraftedVideos.SIMPLE_BLOCK,
                        new byte[40])))));
    }

    @Test
    void aTruncatedWebmIsRefused() {
        byte[] webm = CraftedVideos.webm();
        refused(FileType.WEBM, Arrays.copyOf(webm, webm.length - 1), "declares more bytes than the file holds");
        byte[] live = CraftedVideos.liveWebm();
        refused(FileType.WEBM, Arrays.copyOf(live, live.length - 1), "declares more bytes than the file holds");
        refused(FileType.WEBM, Arrays.copyOf(live, live.length - 100), "truncated or corrupt");
        refused(FileType.WEBM, Arrays.copyOf(webm, 6), "cut inside its header");
        refused(FileType.WEBM, CraftedVideos.ebmlHeader("webm"), "no Segment");
        // a Segment declaring more than its children fill
        byte[] children = concat(CraftedVideos.segmentHead(), CraftedVideos.cluster(0));
        refused(FileType.WEBM, concat(CraftedVideos.ebmlHeader("webm"), CraftedVideos.id(SEGMENT),
                CraftedVideos.size8(children.length + 10), children), "bytes before the end its Segment declares");
    }

    @Test
    void bytesAfterAWebmSegmentAreRefused() throws Exception {
        byte[] webm = CraftedVideos.webm();
        refused(FileType.WEBM, concat(webm, CraftedFiles.zip()), "after the end of its WebM data");
        refused(FileType.WEBM, concat(webm, new byte[] {0}), "1 byte after the end of its WebM data");
        refused(FileType.WEBM, concat(webm, element(CraftedVideos.VOID, new byte[4])),
                "after the end of its WebM data");
    }

    @Test
    void lyingWebmSizesAreRefused() {
        // a child running past the Segment's end
        byte[] cluster = CraftedVideos.cluster(0);
        byte[] children = concat(CraftedVideos.segmentHead(), cluster);
        refused(FileType.WEBM, concat(CraftedVideos.ebmlHeader("webm"), CraftedVideos.id(SEGMENT),
                CraftedVideos.size8(children.length - 5), children), "runs past the end of its Segment");
        // an element of unknown size that is neither a Segment nor a Cluster
        refused(FileType.WEBM, concat(CraftedVideos.ebmlHeader("webm"), unknownSize(SEGMENT),
                unknownSize(CraftedVideos.TRACKS), new byte[20]), "unknown size, which only a Segment or a Cluster");
        // malformed ID and size bytes
        refused(FileType.WEBM, concat(CraftedVideos.ebmlHeader("webm"), new byte[] {0x08, 0, 0, 0, 0, (byte) 0x81, 0}),
                "malformed ID");
        refused(FileType.WEBM, concat(CraftedVideos.ebmlHeader("webm"), CraftedVideos.id(SEGMENT), new byte[] {0}),
                "malformed size");
        // not starting with the EBML header
        refused(FileType.WEBM, CraftedVideos.cluster(0), "does not start with an EBML header");
    }

    @Test
    void attachmentsAndNestedDocumentsAreRefused() {
        refused(FileType.WEBM, concat(CraftedVideos.ebmlHeader("webm"), element(SEGMENT, concat(
                CraftedVideos.segmentHead(), element(CraftedVideos.ATTACHMENTS, ascii("MZ a program")),
                CraftedVideos.cluster(0)))), "Matroska attachments");
        refused(FileType.WEBM, concat(CraftedVideos.ebmlHeader("webm"), unknownSize(SEGMENT),
                CraftedVideos.segmentHead(), unknownSize(CLUSTER), CraftedVideos.webm()), "second EBML document");
        refused(FileType.WEBM, concat(CraftedVideos.ebmlHeader("webm"), CraftedVideos.cluster(0)),
                "neither the EBML header nor a Segment");
    }
}
