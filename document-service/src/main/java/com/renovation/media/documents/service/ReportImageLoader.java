package com.renovation.media.documents.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.documents.config.DocumentConfig;
import com.renovation.media.documents.render.DocumentRenderer;
import com.renovation.media.storage.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the images a room report names from S3: each photo's variant and its original. An object that is
 * missing (the asset was deleted after the request) or too large is left out; the renderer then falls back
 * or skips that photo. Other storage errors fail the round, which is retried.
 */
@ApplicationScoped
public class ReportImageLoader {

    private final ObjectStore objects;
    private final DocumentConfig config;

    public ReportImageLoader(ObjectStore objects, DocumentConfig config) {
        this.objects = objects;
        this.config = config;
    }

    public Uni<Map<String, byte[]>> load(String documentType, JsonNode content) {
        Map<String, byte[]> found = new ConcurrentHashMap<>();
        if (!"room_report_pdf".equals(documentType)) {
            return Uni.createFrom().item(found);
        }
        return Multi.createFrom().iterable(content.path("images"))
                .onItem().transformToUniAndConcatenate(image -> loadOne(image, found))
                .collect().last().replaceWith(found);
    }

    /** The variant; the original only when the variant is missing or not a readable image. */
    private Uni<Void> loadOne(JsonNode image, Map<String, byte[]> found) {
        String variant = image.path("variant").path("key").asText(null);
        String original = DocumentRenderer.embeddable(image.path("original"))
                ? image.path("original").path("key").asText(null) : null;
        Uni<byte[]> variantBytes = variant == null ? Uni.createFrom().nullItem() : read(variant);
        return variantBytes.chain(bytes -> {
            if (bytes != null) {
                found.put(variant, bytes);
                if (readable(bytes)) {
                    return Uni.createFrom().voidItem();
                }
            }
            if (original == null) {
                return Uni.createFrom().voidItem();
            }
            return read(original).invoke(o -> {
                if (o != null) {
                    found.put(original, o);
                }
            }).replaceWithVoid();
        });
    }

    private static boolean readable(byte[] bytes) {
        try {
            com.lowagie.text.Image.getInstance(bytes);
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    private Uni<byte[]> read(String key) {
        return objects.head(Buckets.USER_UPLOADS, key).chain(info -> {
            if (info.isEmpty() || info.get().size() > config.maxImageBytes()) {
                return Uni.createFrom().nullItem();
            }
            return objects.read(Buckets.USER_UPLOADS, key)
                    .onFailure(ObjectStore::isNotFound).recoverWithNull();
        });
    }
}
