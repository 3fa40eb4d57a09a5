package com.renovation.media.storage.inspection;

import com.renovation.media.storage.filetype.ContainerCheck;
import com.renovation.media.storage.filetype.FileSniffer;
import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.filetype.ImageHeader;
import com.renovation.media.storage.s3.ObjectStore;
import io.smallrye.mutiny.Uni;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Whether uploaded bytes may be kept, by one set of checks for every service that takes files: the size, the
 * type by magic number, a readable image header within the pixel limit, and the whole container walked to its
 * end, so a polyglot (a file that is also a ZIP, HTML or script), lying lengths or a truncated file are refused.
 * What is allowed, and how large, is the caller's {@link UploadPolicy}.
 *
 * <p>A plain object over the caller's {@link ObjectStore}, not a bean: platform-storage adds no bean that needs
 * the S3 client to modules that use only its key layout.
 */
public final class UploadInspector {

    private final ObjectStore objects;

    public UploadInspector(ObjectStore objects) {
        this.objects = objects;
    }

    /**
     * Inspects a stored object against its declaration in bounded memory: its first bytes and size (one ranged
     * GET), then, unless those were the whole file, one streamed pass that computes the SHA-256 and walks the
     * container. Empty when there is no object at the key. Network work: call it outside any database transaction.
     */
    public Uni<Optional<Inspection>> inspect(String bucket, String key, Declaration declared, UploadPolicy policy) {
        return objects.readStart(bucket, key, FileSniffer.HEAD_BYTES).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<Inspection>empty());
            }
            ObjectStore.Start start = found.get();
            Optional<String> refusal = HeadCheck.ofSize(policy, declared.type(), declared.size(), start.size())
                    .or(() -> HeadCheck.ofHead(policy, declared.type(), start.bytes()));
            Uni<Inspection> verdict = refusal.isPresent()
                    ? Uni.createFrom().item(new Inspection.Refused(refusal.get()))
                    : start.whole() ? Uni.createFrom().item(walked(declared, start.bytes()))
                    : walk(bucket, key, declared, start.bytes());
            return verdict.map(Optional::of);
        });
    }

    /** A file small enough to have come whole with its first bytes: walked and hashed without a second GET. */
    private static Inspection walked(Declaration declared, byte[] file) {
        String sha256 = sha256(file);
        return ContainerCheck.refusal(declared.type(), file)
                .or(() -> mismatch(declared, sha256))
                .<Inspection>map(Inspection.Refused::new)
                .orElseGet(() -> accepted(declared.type(), file, sha256));
    }

    private Uni<Inspection> walk(String bucket, String key, Declaration declared, byte[] head) {
        ContainerCheck container = ContainerCheck.of(declared.type());
        return objects.sha256(bucket, key, container::update).map(sha256 -> container.refusal()
                .or(() -> mismatch(declared, sha256))
                .<Inspection>map(Inspection.Refused::new)
                .orElseGet(() -> accepted(declared.type(), head, sha256)));
    }

    private static Optional<String> mismatch(Declaration declared, String sha256) {
        return declared.sha256().filter(expected -> !expected.equals(sha256))
                .map(expected -> "the uploaded file's SHA-256 is " + sha256 + ", but " + expected + " was declared");
    }

    /**
     * Inspects a file held whole in memory whose type nobody declared (files the platform ships itself): the
     * type its bytes show must be one the policy allows.
     */
    public static Inspection inspect(byte[] file, UploadPolicy policy) {
        byte[] head = Arrays.copyOf(file, Math.min(file.length, FileSniffer.HEAD_BYTES));
        FileSniffer.Verdict sniffed = FileSniffer.sniff(head);
        if (sniffed instanceof FileSniffer.Refused refused) {
            return new Inspection.Refused(refused.reason());
        }
        FileType type = ((FileSniffer.Accepted) sniffed).type();
        Optional<String> refusal = HeadCheck.allowed(policy, type)
                .or(() -> HeadCheck.ofSize(policy, type, file.length))
                .or(() -> HeadCheck.ofHeader(policy, type, head))
                .or(() -> ContainerCheck.refusal(type, file));
        return refusal.<Inspection>map(Inspection.Refused::new)
                .orElseGet(() -> accepted(type, head, sha256(file)));
    }

    private static Inspection accepted(FileType type, byte[] head, String sha256) {
        return new Inspection.Accepted(type, ImageHeader.dimensions(type, head), sha256);
    }

    /** Lower-case hex, as {@link ObjectStore#sha256} answers. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
