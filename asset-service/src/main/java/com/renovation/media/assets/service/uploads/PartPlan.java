package com.renovation.media.assets.service.uploads;

/**
 * How a file of {@code size} bytes is cut into the parts of a multipart upload: every part {@code partSize} bytes
 * but the last, which is the rest. Each part's URL is signed for exactly its length, so the parts together are the
 * declared size.
 */
public record PartPlan(long size, long partSize) {

    /** S3's smallest part (but the last). */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    /** S3's largest part. */
    public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    /** S3's most parts in one upload. */
    public static final int MAX_PARTS = 10_000;
    private static final long MIB = 1024 * 1024;

    public PartPlan {
        if (size <= 0 || partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            throw new IllegalArgumentException("size must be positive and parts 5 MiB to 5 GiB: " + size + ", "
                    + partSize);
        }
        if (Math.ceilDiv(size, partSize) > MAX_PARTS) {
            throw new IllegalArgumentException(size + " bytes in parts of " + partSize + " is more than "
                    + MAX_PARTS + " parts");
        }
    }

    /** The configured part size, or the smallest whole MiB that keeps the file within S3's 10,000 parts. */
    public static PartPlan of(long size, long configuredPartSize) {
        long fitting = Math.ceilDiv(Math.ceilDiv(size, MAX_PARTS), MIB) * MIB;
        return new PartPlan(size, Math.max(Math.max(configuredPartSize, MIN_PART_SIZE), fitting));
    }

    public int partCount() {
        return (int) Math.ceilDiv(size, partSize);
    }

    /** The exact length of part {@code partNumber} (1-based). */
    public long sizeOf(int partNumber) {
        if (partNumber < 1 || partNumber > partCount()) {
            throw new IllegalArgumentException("part " + partNumber + " of " + partCount());
        }
        return partNumber < partCount() ? partSize : size - partSize * (partCount() - 1L);
    }
}
