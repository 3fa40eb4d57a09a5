package com.renovation.media.variants.service;

import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.contracts.events.payload.AssetDeleted;
import com.renovation.media.contracts.events.payload.CatalogImageAdded;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.variants.config.VariantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Where each kind of source may live. The worker reads the object an event names and writes variants beside
 * it, so an event naming a key outside its own session and room (or outside the catalog) would make the worker
 * read, copy or delete someone else's files: such events are refused to the dead-letter topic, before anything
 * is read or written.
 */
@ApplicationScoped
public class SourceKeys {

    private final List<String> catalogBuckets;

    public SourceKeys(VariantConfig config) {
        this.catalogBuckets = config.catalogBuckets().stream().map(String::strip).toList();
    }

    /** An upload lives in the user-uploads bucket under {@code session_{s}/room_{r}/}, outside variants/. */
    public void check(AssetConfirmed confirmed) {
        checkAsset(confirmed.sessionId(), confirmed.roomId(), confirmed.bucket(), confirmed.storagePath(), "asset.confirmed");
    }

    /** The original named by asset.deleted (if any) must be the asset's own, as for a confirm. */
    public void check(AssetDeleted deleted) {
        if (deleted.storagePaths() != null && !deleted.storagePaths().isEmpty()) {
            checkAsset(deleted.sessionId(), deleted.roomId(), deleted.bucket(), deleted.storagePaths().get(0),
                    "asset.deleted");
        }
    }

    /** A catalog image lives in a configured catalog bucket under {@code styles/{styleSlug}/}. */
    public void check(CatalogImageAdded added) {
        String slug = added.styleSlug();
        if (!catalogBuckets.contains(added.bucket())) {
            throw refused("catalog.image.added", added.bucket(), added.storagePath(), "not a catalog bucket");
        }
        if (slug == null || slug.isBlank() || slug.contains("/") || !isCleanKey(added.storagePath())
                || !added.storagePath().startsWith(StoragePaths.stylePrefix(slug))
                || StoragePaths.isInVariantsFolder(added.storagePath())) {
            throw refused("catalog.image.added", added.bucket(), added.storagePath(),
                    "not an image key of style " + slug);
        }
    }

    private static void checkAsset(UUID sessionId, UUID roomId, String bucket, String key, String event) {
        if (!Buckets.USER_UPLOADS.equals(bucket)) {
            throw refused(event, bucket, key, "not the uploads bucket");
        }
        if (sessionId == null || roomId == null || !isCleanKey(key) || StoragePaths.isInVariantsFolder(key)
                || !key.startsWith(StoragePaths.roomPrefix(sessionId, roomId))) {
            throw refused(event, bucket, key, "not a key of session " + sessionId + ", room " + roomId);
        }
    }

    /** Plain relative keys only: no empty, "." or ".." segments, no backslashes or control characters. */
    static boolean isCleanKey(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("\\")) {
            return false;
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return key.chars().noneMatch(c -> c < 0x20 || c == 0x7F);
    }

    private static PermanentEventFailure refused(String event, String bucket, String key, String why) {
        return new PermanentEventFailure(event + " refused: " + bucket + "/" + key + " is " + why);
    }
}
