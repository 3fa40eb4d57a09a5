package com.renovation.media.storage.inspection;

import com.renovation.media.storage.filetype.FileType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one kind of upload may be: its file types, the largest file of each, and the most pixels an image may
 * declare (a decompression bomb declares many). Each service states its own; the checks are the same for all.
 */
public record UploadPolicy(Set<FileType> allowed, Map<FileType, Long> maxBytes, long maxPixels) {

    public UploadPolicy {
        allowed = Set.copyOf(allowed);
        maxBytes = Map.copyOf(maxBytes);
        if (allowed.isEmpty() || !maxBytes.keySet().containsAll(allowed)) {
            throw new IllegalArgumentException("every allowed type needs a size limit: " + allowed + ", " + maxBytes);
        }
    }

    /** Every allowed type with the same size limit. */
    public static UploadPolicy of(Set<FileType> allowed, long maxBytes, long maxPixels) {
        return new UploadPolicy(allowed, allowed.stream().collect(Collectors.toMap(t -> t, t -> maxBytes)),
                maxPixels);
    }

    /** This policy with another size limit for one of its types. */
    public UploadPolicy withMaxBytes(FileType type, long max) {
        Map<FileType, Long> limits = new EnumMap<>(maxBytes);
        limits.put(type, max);
        return new UploadPolicy(allowed, limits, maxPixels);
    }

    public boolean allows(FileType type) {
        return allowed.contains(type);
    }

    /** The largest file of this type; 0 for a type the policy does not allow. */
    public long maxBytes(FileType type) {
        return allows(type) ? maxBytes.get(type) : 0;
    }
}
