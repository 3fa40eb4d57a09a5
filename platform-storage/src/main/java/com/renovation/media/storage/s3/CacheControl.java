package com.renovation.media.storage.s3;

import com.renovation.media.storage.layout.Buckets;

/**
 * The {@code Cache-Control} stored with the objects the platform writes, which S3 then answers every GET with.
 * A variant (thumbnail, optimized image, poster, web MP4) lives at a key made of its original's key, its preset,
 * its size and its format ({@code StoragePaths.variantKey}); the original's key carries a unique timestamp and no
 * client can write it after confirm, so a key never gets another picture and a cache may keep it for good (a
 * redelivery writes the same bytes again; a regeneration after an encoder setting changed writes the same picture
 * at the same size, encoded anew, which a cache may go on serving in its older encoding). Originals get none: they
 * are read through short-lived signed URLs.
 */
public final class CacheControl {

    /** A year, the longest RFC 9111 caches honour, and never revalidated while fresh. */
    static final String FOR_GOOD = "max-age=31536000, immutable";
    /** A variant in the public bucket (the catalog's): any cache, a CDN included, may keep it. */
    public static final String PUBLIC_VARIANT = "public, " + FOR_GOOD;
    /**
     * A variant of a user's file: the browser keeps it, a shared cache must not, since its signed URL's expiry and
     * the owner's later delete would not reach a copy held there.
     */
    public static final String PRIVATE_VARIANT = "private, " + FOR_GOOD;

    private CacheControl() {
    }

    /** What a variant stored in {@code bucket} carries. */
    public static String ofVariant(String bucket) {
        return Buckets.isPublic(bucket) ? PUBLIC_VARIANT : PRIVATE_VARIANT;
    }
}
