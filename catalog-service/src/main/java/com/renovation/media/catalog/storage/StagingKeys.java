package com.renovation.media.catalog.storage;

import java.util.List;
import java.util.UUID;

/**
 * Keys of a declared style image in the private staging bucket: the object the admin's client PUTs, and the
 * copy confirm checks and publishes, which no client ever has a URL for (so a PUT during or after confirm
 * cannot change the bytes that were checked).
 */
public final class StagingKeys {

    private StagingKeys() {
    }

    public static String upload(UUID imageId) {
        return imageId + "/upload";
    }

    public static String checked(UUID imageId) {
        return imageId + "/checked";
    }

    public static List<String> all(UUID imageId) {
        return List.of(upload(imageId), checked(imageId));
    }
}
