package com.renovation.media.variants;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.layout.StoragePaths;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Videos put where asset-service keeps them, and what the video ITs look at afterwards. */
final class VideoUploads {

    static final String BUCKET = "user-uploads";

    private final S3Client s3;

    VideoUploads(S3Client s3) {
        this.s3 = s3;
    }

    /** Stores the video as a confirmed upload's original and answers the {@code asset.confirmed} naming it. */
    AssetConfirmed confirmed(byte[] video, String name, String contentType) {
        UUID session = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        String key = StoragePaths.assetKey(session, room, "video", StoragePaths.uniqueTimestamp(), name);
        s3.putObject(b -> b.bucket(BUCKET).key(key).contentType(contentType), RequestBody.fromBytes(video));
        return new AssetConfirmed(UUID.randomUUID(), session, room, "owner", "video", BUCKET, key, contentType,
                video.length, "0".repeat(64));
    }

    List<String> variantKeys(AssetConfirmed asset) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(StoragePaths.variantPrefix(asset.storagePath())))
                .contents().stream().map(o -> o.key()).toList();
    }

    String cacheControl(String key) {
        return s3.headObject(b -> b.bucket(BUCKET).key(key)).cacheControl();
    }

    byte[] object(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
    }

    static List<JsonNode> events(String topic, UUID asset) {
        return KafkaTestClient.eventData(topic, asset.toString());
    }

    static List<JsonNode> webReady(UUID asset) {
        return events("variant.ready", asset).stream().filter(v -> v.get("variantType").asText().equals("web")).toList();
    }

    static long count(String sql, UUID id) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery(sql, Long.class).setParameter("id", id).getSingleResult())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(String sql, UUID id) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery(sql).setParameter("id", id).executeUpdate())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Object[]> rows(String sql, UUID id) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery(sql, Object[].class).setParameter("id", id).getResultList())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
