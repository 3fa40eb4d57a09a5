package com.renovation.media.catalog.storage;

import java.util.UUID;

/**
 * Keys of a declared style image in the private staging bucket, all under the image's folder: the object the
 * admin's client PUTs, and each confirm's own copy of it, which confirm checks and publishes and no client ever
 * has a URL for (so no PUT, during or after confirm, and no other confirm can change the bytes that were checked).
 */
public final class StagingKeys {

    private StagingKeys() {
    }

    public static String folder(UUID imageId) {
        return imageId + "/";
    }

    public static String upload(UUID imageId) {
        return folder(imageId) + "upload";
    }

    /** A fresh key for one confirm's copy. */
    public static String newChecked(UUID imageId) {
        return folder(imageId) + "checked-" + UUID.randomUUID();
    }
}
