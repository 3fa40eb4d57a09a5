package com.renovation.media.storage.filetype;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a file's type from its first bytes (never from its name or declared type), and names what it is when
 * the platform must refuse it: executables, markup (HTML, SVG), archives, unknown data.
 */
public final class FileSniffer {

    /** How many leading bytes {@link #sniff} wants to see. */
    public static final int HEAD_BYTES = 64 * 1024;
    /** How many trailing bytes {@link #looksComplete} wants to see. */
    public static final int TAIL_BYTES = 1024;

    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1",
            "msf1");
    /** AVIF's brands; an AVIF file may also carry mif1 or msf1 as its major brand, with avif among the others. */
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

    private FileSniffer() {
    }

    /** What the bytes are: an accepted type, or a refusal with its reason. */
    public sealed interface Verdict permits Accepted, Refused {
    }

    public record Accepted(FileType type) implements Verdict {
    }

    public record Refused(String reason) implements Verdict {
    }

    public static Verdict sniff(byte[] head) {
        if (head.length == 0) {
            return new Refused("the file is empty");
        }
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return new Accepted(FileType.JPEG);
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return new Accepted(FileType.PNG);
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
            return new Accepted(FileType.WEBP);
        }
        if (startsWith(head, 4, 'f', 't', 'y', 'p') && head.length >= 12 && isAvif(head)) {
            return new Accepted(FileType.AVIF);
        }
        if (startsWith(head, 4, 'f', 't', 'y', 'p') && head.length >= 12
                && HEIF_BRANDS.contains(ascii(head, 8, 4))) {
            return new Accepted(FileType.HEIC);
        }
        if (startsWith(head, 0, '%', 'P', 'D', 'F', '-')) {
            return new Accepted(FileType.PDF);
        }
        if (startsWith(head, 4, 'f', 't', 'y', 'p')) {
            return VideoSniffer.ofBrand(head);
        }
        if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return VideoSniffer.ofEbml(head);
        }
        return new Refused(refusalReason(head));
    }

    /**
     * The major brand is avif or avis, or a generic HEIF one (mif1, msf1) whose compatible brands name AVIF and no
     * HEVC brand: the codec decides the type, and so the decoder a reader needs.
     */
    private static boolean isAvif(byte[] head) {
        String major = ascii(head, 8, 4);
        if (AVIF_BRANDS.contains(major)) {
            return true;
        }
        if (!major.equals("mif1") && !major.equals("msf1")) {
            return false;
        }
        long boxSize = (head[0] & 0xFFL) << 24 | (head[1] & 0xFFL) << 16 | (head[2] & 0xFFL) << 8 | (head[3] & 0xFFL);
        int end = (int) Math.min(Math.min(boxSize, head.length), 1024);
        boolean avif = false;
        for (int at = 16; at + 4 <= end; at += 4) { // after size, type, major brand and minor version
            String brand = ascii(head, at, 4);
            if (brand.startsWith("he")) {
                return false; // heic, heix, hevc, hevx, heim, heis
            }
            avif |= AVIF_BRANDS.contains(brand);
        }
        return avif;
    }

    private static String refusalReason(byte[] head) {
        if (startsWith(head, 0, 0x7F, 'E', 'L', 'F')) {
            return "the file is an executable (ELF)";
        }
        if (startsWith(head, 0, 'M', 'Z')) {
            return "the file is an executable (Windows PE)";
        }
        if (startsWith(head, 0, 0xCF, 0xFA, 0xED, 0xFE) || startsWith(head, 0, 0xFE, 0xED, 0xFA, 0xCF)
                || startsWith(head, 0, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return "the file is an executable (Mach-O or Java class)";
        }
        if (startsWith(head, 0, '#', '!')) {
            return "the file is a script";
        }
        if (startsWith(head, 0, 'P', 'K', 0x03, 0x04) || startsWith(head, 0, 'P', 'K', 0x05, 0x06)) {
            return "the file is an archive (ZIP)";
        }
        if (startsWith(head, 0, 0x1F, 0x8B) || startsWith(head, 0, 'R', 'a', 'r', '!')
                || startsWith(head, 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C) || startsWith(head, 0, 'B', 'Z', 'h')
                || startsWith(head, 0, 0xFD, '7', 'z', 'X', 'Z') || (head.length > 262 && ascii(head, 257, 5).equals("ustar"))) {
            return "the file is an archive";
        }
        String text = new String(head, 0, Math.min(head.length, 1024), StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "").replace("ï»¿", "").stripLeading().toLowerCase(Locale.ROOT);
        if (text.contains("<svg")) {
            return "the file is an SVG image, which can carry scripts";
        }
        if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.contains("<script")
                || text.startsWith("<head") || text.startsWith("<body") || text.startsWith("<iframe")) {
            return "the file is HTML";
        }
        if (text.startsWith("<?xml") || text.startsWith("<")) {
            return "the file is XML or markup";
        }
        return "the file's content is not a JPEG, PNG, WebP, HEIC, AVIF, PDF, MP4, MOV or WebM";
    }

    /**
     * A quick look at whether a file of this type is whole: JPEG ends with its end-of-image marker, PNG with its
     * IEND chunk, PDF with %%EOF, and a WebP's RIFF header declares exactly the stored size. A cut-off upload fails
     * here; only {@link ContainerCheck}, which walks every byte, proves nothing follows the container's end.
     */
    public static boolean looksComplete(FileType type, byte[] head, byte[] tail, long fileSize) {
        return switch (type) {
            case JPEG -> lastIndexOf(tail, new byte[] {(byte) 0xFF, (byte) 0xD9}) >= 0;
            case PNG -> lastIndexOf(tail, new byte[] {'I', 'E', 'N', 'D'}) >= 0;
            case PDF -> lastIndexOf(tail, "%%EOF".getBytes(StandardCharsets.US_ASCII)) >= 0;
            case WEBP -> riffSize(head) == fileSize;
            case HEIC, AVIF -> true; // ISO-BMFF boxes carry their own lengths; the decoder finds a cut
            case MP4, MOV, WEBM -> true; // boxes and EBML elements carry their lengths: ContainerCheck walks them
        };
    }

    /** The file size a RIFF header declares (its size field + 8). */
    private static long riffSize(byte[] head) {
        if (head.length < 8) {
            return -1;
        }
        return ((head[4] & 0xFFL) | (head[5] & 0xFFL) << 8 | (head[6] & 0xFFL) << 16 | (head[7] & 0xFFL) << 24) + 8;
    }

    static boolean startsWith(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] data, int offset, int length) {
        if (data.length < offset + length) {
            return "";
        }
        return new String(data, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static int lastIndexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = data.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
