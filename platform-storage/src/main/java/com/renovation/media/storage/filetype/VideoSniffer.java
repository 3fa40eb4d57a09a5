package com.renovation.media.storage.filetype;

import com.renovation.media.storage.filetype.FileSniffer.Accepted;
import com.renovation.media.storage.filetype.FileSniffer.Refused;
import com.renovation.media.storage.filetype.FileSniffer.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Tells the video containers apart by what they declare about themselves: an ISO-BMFF file by the major brand of
 * its {@code ftyp} box (MP4 or QuickTime), an EBML file by the DocType of its header (WebM; any other Matroska is
 * refused). The rest of the file is {@link ContainerCheck}'s, and whether the streams inside are what the container
 * says is the video worker's probe.
 */
final class VideoSniffer {

    /** Major brands of the MP4 family (ISO base media, MPEG-4, AVC, iTunes M4V, DASH). */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41",
            "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash");
    private static final String QUICKTIME_BRAND = "qt  ";

    private static final int EBML_HEADER = 0x1A45DFA3;
    private static final int DOC_TYPE = 0x4282;
    /** An EBML header states a handful of short values; anything larger is not one. */
    private static final int MAX_HEADER_BYTES = 1024;
    private static final int MAX_DOC_TYPE_BYTES = 32;

    private VideoSniffer() {
    }

    /** A file whose bytes 4–7 are {@code ftyp} and whose major brand is not HEIF's. */
    static Verdict ofBrand(byte[] head) {
        if (head.length < 12) {
            return new Refused("the file's ISO-BMFF ftyp box is cut short");
        }
        String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
        if (MP4_BRANDS.contains(brand)) {
            return new Accepted(FileType.MP4);
        }
        if (brand.equals(QUICKTIME_BRAND)) {
            return new Accepted(FileType.MOV);
        }
        return new Refused("the file is an ISO-BMFF file of brand '" + printable(brand)
                + "', which is not an accepted image or video container");
    }

    /** A file starting with the EBML magic: WebM if its header's DocType says so. */
    static Verdict ofEbml(byte[] head) {
        EbmlReader reader = new EbmlReader(head, 0);
        if (reader.id() != EBML_HEADER) {
            return new Refused("the file's EBML header is unreadable");
        }
        long size = reader.size();
        if (size < 0 || size > MAX_HEADER_BYTES || reader.at() + size > head.length) {
            return new Refused("the file's EBML header is unreadable");
        }
        long end = reader.at() + size;
        while (reader.at() < end) {
            int id = reader.id();
            long length = reader.size();
            if (id < 0 || length < 0 || length > end - reader.at()) {
                return new Refused("the file's EBML header is unreadable");
            }
            if (id == DOC_TYPE) {
                if (length > MAX_DOC_TYPE_BYTES) {
                    return new Refused("the file's EBML header is unreadable");
                }
                return ofDocType(new String(head, reader.at(), (int) length, StandardCharsets.ISO_8859_1)
                        .replace("\0", ""));
            }
            reader.skip(length);
        }
        return new Refused("the file's EBML header names no DocType");
    }

    private static Verdict ofDocType(String docType) {
        return switch (docType) {
            case "webm" -> new Accepted(FileType.WEBM);
            case "matroska" -> new Refused("the file is a Matroska video (MKV): only its WebM form is accepted");
            default -> new Refused("the file is an EBML document of type '" + printable(docType)
                    + "', not a WebM video");
        };
    }

    /** Text taken from a file, safe to put in a message: printable ASCII only. */
    private static String printable(String text) {
        return text.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
