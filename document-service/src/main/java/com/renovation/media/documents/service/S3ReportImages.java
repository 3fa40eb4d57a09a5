package com.renovation.media.documents.service;

import com.renovation.media.documents.render.ImageSource;
import com.renovation.media.documents.render.RenderFailure;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import java.time.Duration;
import java.util.UUID;

/**
 * A room report's images, read from the user-uploads bucket while the report is laid out (on its worker
 * thread). Only keys of the report's own room are read, whatever the row says; an object over
 * {@code max-image-bytes} is left out like a missing one.
 */
final class S3ReportImages implements ImageSource {

    /** A stalled read fails the attempt instead of holding the renderer. */
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(1);

    private final ObjectStore objects;
    private final UUID sessionId;
    private final UUID roomId;
    private final long maxImageBytes;

    S3ReportImages(ObjectStore objects, UUID sessionId, UUID roomId, long maxImageBytes) {
        this.objects = objects;
        this.sessionId = sessionId;
        this.roomId = roomId;
        this.maxImageBytes = maxImageBytes;
    }

    @Override
    public Fetched fetch(String key, long limit) {
        if (roomId == null || !DocumentRequestCheck.imageKeyWithin(sessionId, roomId, key)) {
            throw new RenderFailure("image key " + key + " is not an object of the report's room");
        }
        var info = objects.head(Buckets.USER_UPLOADS, key).await().atMost(READ_TIMEOUT);
        if (info.isEmpty() || info.get().size() > maxImageBytes) {
            return new Missing();
        }
        if (info.get().size() > limit) {
            return new OverLimit(info.get().size());
        }
        byte[] bytes = objects.read(Buckets.USER_UPLOADS, key).onFailure(ObjectStore::isNotFound).recoverWithNull()
                .await().atMost(READ_TIMEOUT);
        if (bytes == null) {
            return new Missing();
        }
        // the object may have been replaced since its HEAD: the limit holds for what was read
        return bytes.length > limit ? new OverLimit(bytes.length) : new Found(bytes);
    }
}
