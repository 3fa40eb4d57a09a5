package com.renovation.media.storage.inspection;

import com.renovation.media.storage.filetype.FileSniffer;
import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.filetype.ImageHeader;
import java.util.Optional;

/**
 * The checks that need only a file's size and first bytes ({@link FileSniffer#HEAD_BYTES}): pure decisions, so a
 * stored object is judged before its whole body is read. What follows the head is {@code ContainerCheck}'s part.
 */
final class HeadCheck {

    private HeadCheck() {
    }

    /** The stored size against the declared one and the policy's limit for the declared type. */
    static Optional<String> ofSize(UploadPolicy policy, FileType declared, long declaredSize, long storedSize) {
        if (storedSize != declaredSize) {
            return Optional.of("the uploaded file has " + storedSize + " bytes, but " + declaredSize
                    + " were declared");
        }
        return ofSize(policy, declared, storedSize);
    }

    static Optional<String> ofSize(UploadPolicy policy, FileType type, long size) {
        if (size <= 0) {
            return Optional.of("the file is empty");
        }
        if (size > policy.maxBytes(type)) {
            return Optional.of("the file is larger than " + policy.maxBytes(type) + " bytes");
        }
        return Optional.empty();
    }

    /** What the first bytes of a file of the declared type and size may refuse it for. */
    static Optional<String> ofHead(UploadPolicy policy, FileType declared, byte[] head) {
        return ofType(policy, declared, head).or(() -> ofHeader(policy, declared, head));
    }

    /** The type the first bytes show, if it is the declared one and the policy allows it. */
    static Optional<String> ofType(UploadPolicy policy, FileType declared, byte[] head) {
        FileSniffer.Verdict verdict = FileSniffer.sniff(head);
        if (verdict instanceof FileSniffer.Refused refused) {
            return Optional.of(refused.reason());
        }
        FileType actual = ((FileSniffer.Accepted) verdict).type();
        if (actual != declared) {
            return Optional.of("the file's content is " + actual.contentType() + ", but it was declared as "
                    + declared.contentType());
        }
        return allowed(policy, actual);
    }

    static Optional<String> allowed(UploadPolicy policy, FileType actual) {
        return policy.allows(actual) ? Optional.empty() : Optional.of("the file's content is "
                + actual.contentType() + ", but only " + policy.allowed().stream().map(FileType::contentType)
                        .sorted().toList() + " are accepted here");
    }

    /**
     * An image's header must be readable and within the pixel limit. A HEIF file (HEIC, AVIF) may keep its meta
     * box past the head, after its image data: then the variant worker checks its size before decoding.
     */
    static Optional<String> ofHeader(UploadPolicy policy, FileType type, byte[] head) {
        Optional<ImageHeader.Dimensions> dimensions = ImageHeader.dimensions(type, head);
        boolean heif = type == FileType.HEIC || type == FileType.AVIF;
        if (type.isImage() && !heif && dimensions.isEmpty()) {
            return Optional.of("the image header is unreadable");
        }
        if (dimensions.isPresent() && dimensions.get().pixels() > policy.maxPixels()) {
            ImageHeader.Dimensions d = dimensions.get();
            return Optional.of("the image is " + d.width() + "x" + d.height() + " pixels, above the limit of "
                    + policy.maxPixels() / 1_000_000 + " MP");
        }
        return Optional.empty();
    }
}
