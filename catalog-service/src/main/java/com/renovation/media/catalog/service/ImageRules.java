package com.renovation.media.catalog.service;

import com.renovation.media.storage.filetype.FileSniffer;
import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.filetype.ImageHeader;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether bytes may become a style image: JPEG, PNG or WebP by magic number, within the size limit, whole, with
 * a readable header. The same rules as users' uploads; pure decisions, the caller fetches the bytes.
 */
public final class ImageRules {

    public static final Set<FileType> ALLOWED = EnumSet.of(FileType.JPEG, FileType.PNG, FileType.WEBP);

    /** The outcome of inspecting bytes. */
    public sealed interface Inspection permits Accepted, Refused {
    }

    public record Accepted(FileType type, ImageHeader.Dimensions dimensions) implements Inspection {
    }

    public record Refused(String reason) implements Inspection {
    }

    private ImageRules() {
    }

    /** The declared type of an upload request, if it is one a style image may have. */
    public static Optional<FileType> declared(String contentType) {
        return FileType.fromDeclared(contentType).filter(ALLOWED::contains);
    }

    /** Judges a whole file held in memory (the seed's files). */
    public static Inspection inspect(byte[] bytes, long maxBytes) {
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, FileSniffer.HEAD_BYTES));
        byte[] tail = Arrays.copyOfRange(bytes, Math.max(0, bytes.length - FileSniffer.TAIL_BYTES), bytes.length);
        return inspect(head, tail, bytes.length, maxBytes);
    }

    /** Judges a stored file by its first and last bytes and its size. */
    public static Inspection inspect(byte[] head, byte[] tail, long size, long maxBytes) {
        if (size <= 0) {
            return new Refused("the file is empty");
        }
        if (size > maxBytes) {
            return new Refused("the file is larger than " + maxBytes + " bytes");
        }
        FileSniffer.Verdict verdict = FileSniffer.sniff(head);
        if (verdict instanceof FileSniffer.Refused refused) {
            return new Refused(refused.reason());
        }
        FileType type = ((FileSniffer.Accepted) verdict).type();
        if (!ALLOWED.contains(type)) {
            return new Refused("a style image must be a JPEG, PNG or WebP image, not " + type.contentType());
        }
        if (!FileSniffer.looksComplete(type, head, tail, size)) {
            return new Refused("the file is truncated or corrupt");
        }
        return ImageHeader.dimensions(type, head)
                .<Inspection>map(d -> new Accepted(type, d))
                .orElseGet(() -> new Refused("the image header is unreadable"));
    }
}
