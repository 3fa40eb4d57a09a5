package com.renovation.media.storage;

/** The two buckets of the platform (DESIGN.md "Storage"). */
public final class Buckets {
    /** Private: users' files and everything made from them; read through signed URLs only. */
    public static final String USER_UPLOADS = "user-uploads";
    /** Public-read: the curated style catalog. */
    public static final String STYLES = "styles";

    private Buckets() {
    }
}
