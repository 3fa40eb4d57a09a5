package com.renovation.media.storage.testing;

import static com.renovation.media.storage.testing.CraftedFiles.ascii;
import static com.renovation.media.storage.testing.CraftedFiles.box;
import static com.renovation.media.storage.testing.CraftedFiles.concat;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/**
 * Video containers built byte by byte, shaped as real ones are at the level the upload checks walk (ISO-BMFF
 * top-level boxes, EBML elements), so each hostile variation changes exactly one thing.
 */
public final class CraftedVideos {

    public static final int EBML_HEADER = 0x1A45DFA3;
    public static final int SEGMENT = 0x18538067;
    public static final int SEEK_HEAD = 0x114D9B74;
    public static final int INFO = 0x1549A966;
    public static final int TRACKS = 0x1654AE6B;
    public static final int CLUSTER = 0x1F43B675;
    public static final int CUES = 0x1C53BB6B;
    public static final int ATTACHMENTS = 0x1941A469;
    public static final int SIMPLE_BLOCK = 0xA3;
    public static final int TIMESTAMP = 0xE7;
    public static final int VOID = 0xEC;

    private CraftedVideos() {
    }

    public static byte[] ftyp(String majorBrand) {
        return box("ftyp", ascii(majorBrand + "\0\0\2\0" + majorBrand + "iso2avc1mp41"));
    }

    /** ftyp, a free box, mdat with coded bytes, then moov (the order ffmpeg writes without faststart). */
    public static byte[] mp4(String majorBrand) {
        return concat(ftyp(majorBrand), box("free", new byte[0]), box("mdat", random(400, 1)), moov());
    }

    /** A QuickTime movie: brand "qt  ", a wide box, mdat, moov. */
    public static byte[] mov() {
        return concat(box("ftyp", ascii("qt  \0\0\2\0qt  ")), box("wide", new byte[0]), box("mdat", random(400, 2)),
                moov());
    }

    public static byte[] moov() {
        return box("moov", concat(box("mvhd", new byte[100]), box("trak", box("tkhd", new byte[84]))));
    }

    /** A WebM of known sizes: EBML header, then a Segment holding seek head, info, tracks, two clusters, cues. */
    public static byte[] webm() {
        return concat(ebmlHeader("webm"), element(SEGMENT, concat(segmentHead(), cluster(0), cluster(1),
                element(CUES, new byte[12]))));
    }

    /**
     * A live recording's WebM, as browsers' MediaRecorder writes it: the Segment and its Clusters of unknown size,
     * each Cluster ended by the next one.
     */
    public static byte[] liveWebm() {
        return concat(ebmlHeader("webm"), unknownSize(SEGMENT), segmentHead(), unknownSize(CLUSTER), clusterBody(0),
                unknownSize(CLUSTER), clusterBody(1));
    }

    /** The same shape as {@link #webm()} with another DocType ("matroska" for an MKV). */
    public static byte[] ebmlDocument(String docType) {
        return concat(ebmlHeader(docType), element(SEGMENT, concat(segmentHead(), cluster(0))));
    }

    public static byte[] ebmlHeader(String docType) {
        return element(EBML_HEADER, concat(element(0x4286, new byte[] {1}), element(0x42F7, new byte[] {1}),
                element(0x42F2, new byte[] {4}), element(0x42F3, new byte[] {8}), element(0x4282, ascii(docType)),
                element(0x4287, new byte[] {4}), element(0x4285, new byte[] {2})));
    }

    public static byte[] segmentHead() {
        return concat(element(SEEK_HEAD, new byte[20]), element(VOID, new byte[30]), element(INFO, new byte[24]),
                element(TRACKS, new byte[60]));
    }

    public static byte[] cluster(int n) {
        return element(CLUSTER, clusterBody(n));
    }

    private static byte[] clusterBody(int n) {
        return concat(element(TIMESTAMP, new byte[] {(byte) n}), element(SIMPLE_BLOCK, random(300, 10 + n)),
                element(SIMPLE_BLOCK, random(200, 20 + n)));
    }

    /** An EBML element: its ID as written (1–4 bytes), its size as an 8-byte variable-length integer, the payload. */
    public static byte[] element(int id, byte[] payload) {
        return concat(id(id), size8(payload.length), payload);
    }

    /** An element header whose size is "unknown" (all value bits set): its payload runs on. */
    public static byte[] unknownSize(int id) {
        return concat(id(id), new byte[] {0x01, -1, -1, -1, -1, -1, -1, -1});
    }

    public static byte[] id(int id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean started = false;
        for (int shift = 24; shift >= 0; shift -= 8) {
            int b = id >>> shift & 0xFF;
            if (started || b != 0) {
                out.write(b);
                started = true;
            }
        }
        return out.toByteArray();
    }

    public static byte[] size8(long size) {
        byte[] out = new byte[8];
        for (int i = 7; i >= 1; i--) {
            out[i] = (byte) (size >>> 8 * (7 - i));
        }
        out[0] = 0x01;
        return out;
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
