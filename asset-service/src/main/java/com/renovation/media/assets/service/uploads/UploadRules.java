package com.renovation.media.assets.service.uploads;

import com.renovation.media.assets.config.UploadConfig;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.storage.filetype.FileSniffer;
import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.filetype.ImageHeader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What may be uploaded as what, how large, and whether stored bytes are what they were declared to be. Pure
 * decisions: the caller fetches the bytes.
 */
@ApplicationScoped
public class UploadRules {

    public static final Set<String> SOURCES = Set.of("user_upload", "pinterest", "ai_generated");

    private static final Set<FileType> IMAGES = EnumSet.of(FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.HEIC);
    private static final Set<FileType> IMAGES_AND_PDF = EnumSet.of(FileType.JPEG, FileType.PNG, FileType.WEBP,
            FileType.HEIC, FileType.PDF);
    private static final Map<String, Set<FileType>> ALLOWED = Map.of(
            "photo", IMAGES, "render", IMAGES, "floorplan", IMAGES_AND_PDF, "document", IMAGES_AND_PDF);

    /** The outcome of inspecting stored bytes. */
    public sealed interface Inspection permits Accepted, Refused {
    }

    public record Accepted(FileType type, Optional<ImageHeader.Dimensions> dimensions) implements Inspection {
    }

    public record Refused(String reason) implements Inspection {
    }

    private final UploadConfig config;

    public UploadRules(UploadConfig config) {
        this.config = config;
    }

    /** Checks an upload request; answers the declared file type. */
    public FileType checkRequest(String assetType, String contentType, long size, String source) {
        Set<FileType> allowed = ALLOWED.get(assetType);
        if (allowed == null) {
            throw ApiException.invalid("assetType", "must be one of photo, floorplan, render, document");
        }
        if (source != null && !SOURCES.contains(source)) {
            throw ApiException.invalid("source", "must be one of user_upload, pinterest, ai_generated");
        }
        FileType type = FileType.fromDeclared(contentType).filter(allowed::contains).orElseThrow(() ->
                ApiException.invalid("contentType", "a " + assetType + " must be one of "
                        + allowed.stream().map(FileType::contentType).sorted().toList()));
        long max = maxBytes(type);
        if (size <= 0 || size > max) {
            throw ApiException.invalid("size", "must be between 1 and " + max + " bytes for " + type.contentType());
        }
        return type;
    }

    public long maxBytes(FileType type) {
        return type == FileType.PDF ? config.maxPdfBytes() : config.maxImageBytes();
    }

    /**
     * Judges the stored object's first bytes against what was declared: its size, its type by magic number, and
     * (images) a readable header. Whether the whole file is one container and nothing else is the
     * {@link com.renovation.media.storage.filetype.ContainerCheck}'s verdict, over every byte.
     */
    public Inspection inspect(FileType declared, long declaredSize, long storedSize, byte[] head) {
        if (storedSize != declaredSize) {
            return new Refused("the uploaded file has " + storedSize + " bytes, but " + declaredSize
                    + " were declared");
        }
        if (storedSize > maxBytes(declared)) {
            return new Refused("the file is larger than " + maxBytes(declared) + " bytes");
        }
        FileSniffer.Verdict verdict = FileSniffer.sniff(head);
        if (verdict instanceof FileSniffer.Refused refused) {
            return new Refused(refused.reason());
        }
        FileType actual = ((FileSniffer.Accepted) verdict).type();
        if (actual != declared) {
            return new Refused("the file's content is " + actual.contentType() + ", but it was declared as "
                    + declared.contentType());
        }
        Optional<ImageHeader.Dimensions> dimensions = ImageHeader.dimensions(actual, head);
        if (actual.isImage() && actual != FileType.HEIC && dimensions.isEmpty()) {
            return new Refused("the image header is unreadable");
        }
        if (dimensions.isPresent() && dimensions.get().pixels() > config.maxPixels()) {
            return new Refused("the image is " + dimensions.get().width() + "x" + dimensions.get().height()
                    + " pixels, above the limit of " + config.maxPixels() / 1_000_000 + " MP");
        }
        return new Accepted(actual, dimensions);
    }
}
