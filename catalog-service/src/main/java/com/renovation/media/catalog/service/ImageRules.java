package com.renovation.media.catalog.service;

import com.renovation.media.catalog.config.CatalogConfig;
import com.renovation.media.storage.filetype.ContainerCheck;
import com.renovation.media.storage.filetype.FileSniffer;
import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.filetype.ImageHeader;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether bytes may become a style image: JPEG, PNG or WebP by magic number, within the size limit, whole,
 * carrying no other file after its end, with a readable header within the pixel limit. The same checks as
 * users' uploads, made by the same platform code; pure decisions, the caller fetches the bytes.
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

    /** The largest file and the most pixels a style image may have. */
    public record Limits(long maxBytes, long maxPixels) {
        public static Limits of(CatalogConfig config) {
            return new Limits(config.maxImageBytes(), config.maxPixels());
        }
    }

    private ImageRules() {
    }

    /** The declared type of an upload request, if it is one a style image may have. */
    public static Optional<FileType> declared(String contentType) {
        return FileType.fromDeclared(contentType).filter(ALLOWED::contains);
    }

    /** Judges a whole file held in memory (the seed's files), its container walked to the end. */
    public static Inspection inspect(byte[] bytes, Limits limits) {
        Inspection verdict = inspect(Arrays.copyOf(bytes, Math.min(bytes.length, FileSniffer.HEAD_BYTES)),
                bytes.length, limits);
        if (verdict instanceof Accepted accepted) {
            Optional<String> refusal = ContainerCheck.refusal(accepted.type(), bytes);
            if (refusal.isPresent()) {
                return new Refused(refusal.get());
            }
        }
        return verdict;
    }

    /**
     * Judges a stored file by its first bytes and its size; the caller walks its container
     * ({@link ContainerCheck}) while streaming it for the SHA-256.
     */
    public static Inspection inspect(byte[] head, long size, Limits limits) {
        if (size <= 0) {
            return new Refused("the file is empty");
        }
        if (size > limits.maxBytes()) {
            return new Refused("the file is larger than " + limits.maxBytes() + " bytes");
        }
        FileSniffer.Verdict verdict = FileSniffer.sniff(head);
        if (verdict instanceof FileSniffer.Refused refused) {
            return new Refused(refused.reason());
        }
        FileType type = ((FileSniffer.Accepted) verdict).type();
        if (!ALLOWED.contains(type)) {
            return new Refused("a style image must be a JPEG, PNG or WebP image, not " + type.contentType());
        }
        Optional<ImageHeader.Dimensions> dimensions = ImageHeader.dimensions(type, head);
        if (dimensions.isEmpty()) {
            return new Refused("the image header is unreadable");
        }
        ImageHeader.Dimensions d = dimensions.get();
        if (d.pixels() > limits.maxPixels()) {
            return new Refused("the image is " + d.width() + "x" + d.height() + " pixels, above the limit of "
                    + limits.maxPixels() / 1_000_000 + " MP");
        }
        return new Accepted(type, d);
    }
}
