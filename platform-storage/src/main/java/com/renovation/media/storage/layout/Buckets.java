package com.renovation.media.storage.layout;

/** The buckets of the platform. */
public final class Buckets {
    /** Private: users' files and everything made from them; read through signed URLs only. */
    public static final String USER_UPLOADS = "user-uploads";
    /** Public-read: the curated style catalog. */
    public static final String STYLES = "styles";
    /**
     * Private: admin uploads of style images wait here until confirm has checked them. A bucket of its own, as
     * a public bucket's anonymous-read policy may cover every key in it.
     */
    public static final String STYLES_STAGING = "styles-staging";

    private Buckets() {
    }

    /** Whether the bucket's objects are readable anonymously (the catalog's). */
    public static boolean isPublic(String bucket) {
        return STYLES.equals(bucket);
    }
}
