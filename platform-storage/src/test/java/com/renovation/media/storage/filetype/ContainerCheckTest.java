package com.renovation.media.storage.filetype;

import com.renovation.media.storage.testing.CraftedFiles;
import com.renovation.media.storage.testing.HostileImages;

import static com.renovation.media.storage.testing.CraftedFiles.ascii;
import static com.renovation.media.storage.testing.CraftedFiles.box;
import static com.renovation.media.storage.testing.CraftedFiles.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Each container must end where the file ends: valid files of every type pass, and the same files with
 * something appended (a ZIP, junk) or with lying length fields are refused.
 */
class ContainerCheckTest {

    private static final byte[] FF_D9 = {(byte) 0xFF, (byte) 0xD9};

    /**
     * What the check says about the whole file, fed at once and in uneven pieces (as S3 streams it): both must
     * agree, so no verdict depends on where a buffer happens to end.
     */
    static Optional<String> refusal(FileType type, byte[] file) {
        Optional<String> whole = ContainerCheck.refusal(type, file);
        ContainerCheck pieces = ContainerCheck.of(type);
        Random sizes = new Random(file.length);
        for (int at = 0; at < file.length; ) {
            int piece = Math.min(file.length - at, 1 + sizes.nextInt(97));
            ByteBuffer buffer = ByteBuffer.wrap(file, at, piece);
            pieces.update(buffer);
            assertThat(buffer.position()).as("the buffer is left for others to read").isEqualTo(at);
            at += piece;
        }
        assertThat(pieces.refusal()).as("verdict in pieces").isEqualTo(whole);
        return whole;
    }

    private static void passes(FileType type, byte[] file) {
        assertThat(refusal(type, file)).as("verdict on a valid " + type).isEmpty();
    }

    private static void refused(FileType type, byte[] file, String reason) {
        assertThat(refusal(type, file)).as("verdict on a bad " + type).hasValueSatisfying(r -> assertThat(r)
                .contains(reason));
    }

    // JPEG

    @Test
    void aBaselineJpegPasses() throws Exception {
        byte[] jpeg = CraftedFiles.encode("jpg", CraftedFiles.noise(120, 90));
        assertThat(CraftedFiles.markers(jpeg, 0x00, 0x00)).as("stuffed FF 00 bytes in the scan").isPositive();
        passes(FileType.JPEG, jpeg);
    }

    @Test
    void aProgressiveJpegWithManyScansAndRestartMarkersPasses() throws Exception {
        byte[] jpeg = CraftedFiles.progressiveJpegWithRestarts(300, 200);
        assertThat(CraftedFiles.markers(jpeg, 0xDA, 0xDA)).as("scans").isGreaterThan(5);
        assertThat(CraftedFiles.markers(jpeg, 0xD0, 0xD7)).as("restart markers").isGreaterThan(100);
        assertThat(ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth()).isEqualTo(300);
        passes(FileType.JPEG, jpeg);
    }

    @Test
    void aZipWhoseCommentEndsInTheEndOfImageMarkerAppendedToAJpegIsRefused() throws Exception {
        byte[] zip = CraftedFiles.zip(FF_D9);
        assertThat(Arrays.copyOfRange(zip, zip.length - 2, zip.length)).isEqualTo(FF_D9);
        byte[] jpeg = CraftedFiles.encode("jpg", CraftedFiles.noise(64, 48));
        refused(FileType.JPEG, concat(jpeg, zip), "after the end of its JPEG data");
    }

    @Test
    void aJpegWithAnythingAfterItsEndIsRefused() throws Exception {
        byte[] jpeg = CraftedFiles.encode("jpg", CraftedFiles.noise(64, 48));
        refused(FileType.JPEG, concat(jpeg, CraftedFiles.zip()), "after the end of its JPEG data");
        refused(FileType.JPEG, concat(jpeg, ascii("<html><script>alert(1)</script>")), "after the end");
        refused(FileType.JPEG, concat(jpeg, new byte[] {'x'}), "1 byte after the end of its JPEG data");
        refused(FileType.JPEG, concat(jpeg, new byte[10], ascii("PK")), "after the end of its JPEG data");
    }

    @Test
    void aFewKilobytesOfZeroOrFfPaddingAfterTheEndOfImageAreTolerated() throws Exception {
        byte[] jpeg = CraftedFiles.encode("jpg", CraftedFiles.noise(64, 48));
        byte[] ffPadding = new byte[600];
        Arrays.fill(ffPadding, (byte) 0xFF);
        passes(FileType.JPEG, concat(jpeg, new byte[4096]));
        passes(FileType.JPEG, concat(jpeg, ffPadding));
        refused(FileType.JPEG, concat(jpeg, new byte[4097]), "after the end of its JPEG data");
    }

    @Test
    void furtherWholeJpegsAfterTheFirstPassAsInMultiPictureFiles() throws Exception {
        byte[] primary = CraftedFiles.encode("jpg", CraftedFiles.noise(64, 48));
        byte[] gainMap = CraftedFiles.encode("jpg", CraftedFiles.noise(16, 12));
        passes(FileType.JPEG, concat(primary, gainMap, gainMap));
        refused(FileType.JPEG, concat(primary, Arrays.copyOf(gainMap, gainMap.length - 2)), "truncated");
        refused(FileType.JPEG, concat(primary, gainMap, CraftedFiles.zip(FF_D9)), "after the end of its JPEG data");
    }

    @Test
    void aTruncatedOrMalformedJpegIsRefused() throws Exception {
        byte[] jpeg = CraftedFiles.encode("jpg", CraftedFiles.noise(64, 48));
        refused(FileType.JPEG, Arrays.copyOf(jpeg, jpeg.length / 2), "truncated");
        refused(FileType.JPEG, Arrays.copyOf(jpeg, jpeg.length - 1), "truncated");
        // a header segment whose length runs past the next marker: the walk lands on bytes that are no marker
        byte[] lying = jpeg.clone();
        lying[5] = (byte) (lying[5] + 3);
        refused(FileType.JPEG, lying, "truncated or corrupt");
        // an end-of-image marker before any scan is no image at all
        refused(FileType.JPEG, concat(Arrays.copyOf(jpeg, 2), FF_D9, CraftedFiles.zip()), "truncated or corrupt");
    }

    @Test
    void aZipHiddenInAJpegCommentSegmentIsRefused() throws Exception {
        byte[] jpeg = CraftedFiles.withComment(CraftedFiles.encode("jpg", CraftedFiles.noise(64, 48)), CraftedFiles.zip());
        assertThat(ImageIO.read(new ByteArrayInputStream(jpeg))).as("still a decodable JPEG").isNotNull();
        refused(FileType.JPEG, jpeg, "archive (ZIP)");
    }

    // PNG

    @Test
    void aPngPassesAndTrailingBytesAreRefused() throws Exception {
        byte[] png = CraftedFiles.encode("png", CraftedFiles.noise(40, 30));
        passes(FileType.PNG, png);
        refused(FileType.PNG, concat(png, CraftedFiles.zip()), "after the end of its PNG data");
        refused(FileType.PNG, concat(png, CraftedFiles.zip(ascii("IEND"))), "after the end of its PNG data");
        refused(FileType.PNG, concat(png, new byte[] {0}), "1 byte after the end of its PNG data");
        refused(FileType.PNG, Arrays.copyOf(png, png.length - 4), "truncated");
    }

    @Test
    void aPngWithARarOr7zSignatureInAChunkIsRefused() throws Exception {
        byte[] png = CraftedFiles.encode("png", CraftedFiles.noise(8, 8));
        byte[] rar = concat(ascii("Rar!"), new byte[] {0x1A, 0x07, 0x01, 0x00}, new byte[40]);
        byte[] sevenZip = concat(new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C}, new byte[40]);
        refused(FileType.PNG, withPngChunk(png, "tEXt", rar), "archive (RAR)");
        refused(FileType.PNG, withPngChunk(png, "zTXt", sevenZip), "archive (7z)");
    }

    /** Inserts an ancillary chunk (CRC left zero) after IHDR, which ends at byte 33. */
    private static byte[] withPngChunk(byte[] png, String type, byte[] data) {
        byte[] chunk = java.nio.ByteBuffer.allocate(12 + data.length).putInt(data.length).put(ascii(type)).put(data)
                .array();
        return concat(Arrays.copyOf(png, 33), chunk, Arrays.copyOfRange(png, 33, png.length));
    }

    // WebP

    @Test
    void simpleAndExtendedWebpsPass() {
        passes(FileType.WEBP, CraftedFiles.webp());
        passes(FileType.WEBP, CraftedFiles.extendedWebp());
    }

    @Test
    void aWebpWithATrailerIsRefusedWhetherOrNotItsRiffSizeCoversIt() throws Exception {
        byte[] webp = CraftedFiles.webp();
        byte[] zip = CraftedFiles.zip();
        refused(FileType.WEBP, concat(webp, zip), "after the end of its WebP data");
        byte[] covering = CraftedFiles.withRiffSize(concat(webp, zip), webp.length - 8 + zip.length);
        refused(FileType.WEBP, covering, "truncated or corrupt");
        refused(FileType.WEBP, CraftedFiles.withRiffSize(concat(webp, new byte[] {1, 2}), webp.length - 8 + 2),
                "truncated or corrupt");
    }

    @Test
    void aLosslessWebpWithInvalidPrefixCodesIsRefusedAndAValidHugeOnePasses() {
        refused(FileType.WEBP, HostileImages.losslessWebPWithInvalidHuffmanCodes(), "invalid lossless prefix code");
        passes(FileType.WEBP, HostileImages.webpWithHugeHeader(16384, 16384)); // the pixel limit refuses it
    }

    @Test
    void aWebpWhoseRiffSizeIsWrongIsRefused() {
        byte[] webp = CraftedFiles.extendedWebp();
        refused(FileType.WEBP, CraftedFiles.withRiffSize(webp, webp.length - 8 - 2), "truncated or corrupt");
        refused(FileType.WEBP, CraftedFiles.withRiffSize(webp, webp.length - 8 + 2), "truncated or corrupt");
        refused(FileType.WEBP, Arrays.copyOf(webp, webp.length - 1), "truncated or corrupt");
    }

    @Test
    void anOddSizedWebpChunkMustBePadded() {
        byte[] webp = CraftedFiles.webp(); // VP8L of 13 bytes and its pad byte
        byte[] unpadded = CraftedFiles.withRiffSize(Arrays.copyOf(webp, webp.length - 1), webp.length - 8 - 1);
        refused(FileType.WEBP, unpadded, "truncated or corrupt");
    }

    // HEIC (ISO-BMFF)

    @Test
    void heicBoxesThatAddUpToTheFileSizePass() {
        passes(FileType.HEIC, CraftedFiles.heic());
        passes(FileType.HEIC, concat(CraftedFiles.ftyp(), CraftedFiles.largeBox("mdat", new byte[100])));
        passes(FileType.HEIC, concat(CraftedFiles.ftyp(), box("meta", new byte[20]), CraftedFiles.boxToEnd("mdat",
                new byte[100])));
    }

    @Test
    void avifIsWalkedAsTheSameContainer() throws Exception {
        byte[] avif = CraftedFiles.heifDeclaring("avif", 640, 480, true);
        passes(FileType.AVIF, avif);
        refused(FileType.AVIF, concat(avif, CraftedFiles.zip()), "do not add up to the file's size");
        refused(FileType.AVIF, Arrays.copyOf(avif, avif.length - 10), "do not add up to the file's size");
    }

    @Test
    void aHeicWithATrailerIsRefused() throws Exception {
        byte[] heic = CraftedFiles.heic();
        refused(FileType.HEIC, concat(heic, CraftedFiles.zip()), "do not add up to the file's size");
        refused(FileType.HEIC, concat(heic, new byte[] {0, 0, 0}), "do not add up to the file's size");
        refused(FileType.HEIC, concat(heic, new byte[] {0, 0, 0, 8, 'f', 'r', 'e', 'e', 1}),
                "do not add up to the file's size");
    }

    @Test
    void aHeicWhoseBoxSizesLieIsRefused() {
        byte[] heic = CraftedFiles.heic();
        int mdatAt = heic.length - 308;
        assertThat(new String(heic, mdatAt + 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("mdat");
        refused(FileType.HEIC, CraftedFiles.withInt(heic, mdatAt, 308 + 1), "do not add up to the file's size");
        refused(FileType.HEIC, CraftedFiles.withInt(heic, mdatAt, 308 - 1), "do not add up to the file's size");
        refused(FileType.HEIC, CraftedFiles.withInt(heic, mdatAt, 4), "truncated or corrupt");
        refused(FileType.HEIC, CraftedFiles.withInt(heic, 0, 4000), "do not add up to the file's size");
        refused(FileType.HEIC, concat(box("mdat", new byte[10]), CraftedFiles.ftyp()), "truncated or corrupt");
    }

    // PDF

    @Test
    void pdfsPassIncludingIncrementalUpdatesAndTrailingWhitespace() {
        passes(FileType.PDF, CraftedFiles.pdf());
        passes(FileType.PDF, CraftedFiles.pdfWithIncrementalUpdate());
        passes(FileType.PDF, concat(CraftedFiles.pdf(), ascii("\r\n \t\0\0")));
    }

    @Test
    void aPdfWithSomethingAfterItsFinalEofMarkerIsRefused() throws Exception {
        refused(FileType.PDF, concat(CraftedFiles.pdf(), CraftedFiles.zip()), "after its final %%EOF");
        refused(FileType.PDF, concat(CraftedFiles.pdf(), ascii("<html><script>alert(1)</script>")), "after its final %%EOF");
        refused(FileType.PDF, concat(CraftedFiles.pdf(), ascii("junk")), "5 bytes after its final %%EOF");
    }

    @Test
    void aZipWhoseCommentEndsInTheEofMarkerAppendedToAPdfIsRefused() throws Exception {
        refused(FileType.PDF, concat(CraftedFiles.pdf(), CraftedFiles.zip(ascii("%%EOF\n"))), "archive (ZIP)");
    }

    @Test
    void aPdfWithoutEofMarkerIsTruncated() {
        byte[] pdf = CraftedFiles.pdf();
        refused(FileType.PDF, Arrays.copyOf(pdf, pdf.length - 7), "truncated");
    }
}
